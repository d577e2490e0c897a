package dev.crossbuild.maven;

import dev.crossbuild.nativebuild.PortabilityPolicy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * native-link's {@code <portability>}: the checks every linked shared library and executable goes through, and
 * whether their problems fail the build.
 *
 * <pre>{@code
 * <portability>
 *   <maxGlibc>2.28</maxGlibc>            <!-- no symbol version above GLIBC_2.28 -->
 *   <maxGlibcxx>3.4.25</maxGlibcxx>      <!-- no symbol version above GLIBCXX_3.4.25 (libstdc++) -->
 *   <allowedLibraries>                    <!-- beyond the host OS's system libraries and the module's own -->
 *     <allowedLibrary>libz.so.1</allowedLibrary>
 *   </allowedLibraries>
 *   <enforce>true</enforce>               <!-- fail the build; default: warnings, outputs.json, site report -->
 *   <skip>false</skip>
 * </portability>
 * }</pre>
 *
 * <p>Each value is also a property: {@code cross.portability.maxGlibc}, {@code cross.portability.maxGlibcxx},
 * {@code cross.portability.allowedLibraries} (comma-separated), {@code cross.portability.enforce},
 * {@code cross.portability.skip}. A property given on the command line ({@code -D}) wins over the element; the
 * element wins over a property of the POM's {@code <properties>}.
 */
public class Portability {

    static final String PREFIX = "cross.portability.";

    /** Fail the build on a problem (a message naming each one and its remedy); default false: report only. */
    Boolean enforce;

    /** No checks at all (and no {@code portability} entries in {@code outputs.json}). */
    Boolean skip;

    /** The highest {@code GLIBC_} symbol version an output may need, e.g. {@code 2.28}; default: not checked. */
    String maxGlibc;

    /** The highest {@code GLIBCXX_} (libstdc++) symbol version an output may need; default: not checked. */
    String maxGlibcxx;

    /** Libraries an output may need besides the system's and the module's: file names, {@code *} and {@code ?} allowed. */
    List<String> allowedLibraries;

    /**
     * The policy of this configuration ({@code configured} may be null: no {@code <portability>}), with the
     * {@code cross.portability.*} properties applied.
     *
     * @param buildFolders folders no run path of an output may point into (the module, its build folder)
     * @throws ParameterException a value is not what the parameter takes
     */
    static PortabilityPolicy policy(Portability configured, Properties userProperties, Properties projectProperties,
            List<Path> buildFolders) throws ParameterException {
        Portability element = configured != null ? configured : new Portability();
        Values values = new Values(userProperties, projectProperties);
        boolean enforce = values.bool("enforce", element.enforce);
        boolean skip = values.bool("skip", element.skip);
        Optional<String> maxGlibc = values.text("maxGlibc", element.maxGlibc);
        Optional<String> maxGlibcxx = values.text("maxGlibcxx", element.maxGlibcxx);
        List<String> allowed = values.list("allowedLibraries", element.allowedLibraries);
        try {
            return new PortabilityPolicy(skip, enforce, maxGlibc, maxGlibcxx, allowed, buildFolders);
        } catch (IllegalArgumentException e) {
            throw new ParameterException("<portability>", e.getMessage(), e);
        }
    }

    /** The command line's property, else the element, else the POM's property. */
    private record Values(Properties user, Properties project) {

        Optional<String> text(String name, String element) {
            String value = user.getProperty(PREFIX + name);
            if (value == null) {
                value = element;
            }
            if (value == null) {
                value = project.getProperty(PREFIX + name);
            }
            return Optional.ofNullable(value).map(String::strip).filter(v -> !v.isEmpty());
        }

        boolean bool(String name, Boolean element) throws ParameterException {
            Optional<String> value = text(name, element == null ? null : element.toString());
            if (value.isEmpty()) {
                return false;
            }
            return switch (value.get().toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw new ParameterException(PREFIX + name, PREFIX + name + " is '" + value.get()
                        + "'; use true or false");
            };
        }

        List<String> list(String name, List<String> element) {
            String value = user.getProperty(PREFIX + name);
            if (value == null && element != null) {
                return NativeTargetConfig.names(element);
            }
            if (value == null) {
                value = project.getProperty(PREFIX + name);
            }
            List<String> items = new ArrayList<>();
            if (value != null) {
                for (String item : value.split(",")) {
                    if (!item.isBlank()) {
                        items.add(item.strip());
                    }
                }
            }
            return items;
        }
    }
}
