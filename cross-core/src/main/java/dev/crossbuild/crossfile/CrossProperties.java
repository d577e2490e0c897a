package dev.crossbuild.crossfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code [properties]} keys cross reads besides Meson's own. Meson keeps any property it does not know and passes
 * it to {@code meson.get_external_property()}, so a machine file with them stays a valid Meson file:
 * <ul>
 * <li>{@code libc = 'musl'} (or {@code 'glibc'}, the default): the host machine's C library. Meson's machine has no
 * such field; cross names a musl machine's outputs {@code linux-<arch>-musl}.</li>
 * <li>{@code sysroot_packages = ['musl-dev']}: Debian packages for the host machine that cross fetches into a private
 * sysroot, as with the plugin's {@code <sysrootPackages>} (both lists are used).</li>
 * <li>{@code sysroot_sources = ['deb http://deb.debian.org/debian trixie main']}: the archives those packages come
 * from, as one-line apt source entries; default: the build machine's own apt sources.</li>
 * </ul>
 * And two of Meson's own, which cross gives a meaning of its own: {@code c_stdlib} and {@code cpp_stdlib} (a custom
 * standard library: Meson's {@code ['subproject', 'dependency']} or {@code 'subproject'}; cross reads the first
 * element as the name of a {@code <library>} of the module, {@link #standardLibrary}).
 * Each is checked where it is written, with the file and line.
 */
public final class CrossProperties {

    public static final String LIBC = "libc";
    public static final String SYSROOT_PACKAGES = "sysroot_packages";
    public static final String SYSROOT_SOURCES = "sysroot_sources";

    /** Meson's custom C standard library: a {@code <library>} of the module, for cross. */
    public static final String C_STDLIB = "c_stdlib";
    /** Meson's custom C++ standard library. */
    public static final String CPP_STDLIB = "cpp_stdlib";

    static final String GLIBC = "glibc";
    static final String MUSL = "musl";

    private CrossProperties() {
    }

    /** Whether {@code properties} say the machine's C library is musl ({@code libc = 'musl'}). */
    public static boolean musl(Map<String, Value> properties) {
        return properties.get(LIBC) instanceof Value.Str s && s.value().equals(MUSL);
    }

    /**
     * The library a {@code <lang>_stdlib} property names ({@code c_stdlib}, {@code cpp_stdlib}): the string, or the
     * first element of Meson's {@code ['subproject', 'dependency variable']} (the variable has no counterpart in a
     * POM: the library's include folders and the library itself are what the targets get). Empty when absent.
     */
    public static Optional<String> standardLibrary(Map<String, Value> properties, String key) {
        return strings(properties, key).stream().findFirst();
    }

    /** A property that is a string or an array of strings, as a list; empty when absent. */
    public static List<String> strings(Map<String, Value> properties, String key) {
        Value value = properties.get(key);
        List<String> strings = new ArrayList<>();
        if (value instanceof Value.Str s) {
            strings.add(s.value());
        } else if (value instanceof Value.Array array) {
            array.elements().forEach(element -> strings.add(((Value.Str) element).value()));
        }
        return List.copyOf(strings);
    }

    /** Checks a {@code [properties]} entry of one of these keys; other keys pass. */
    static void check(Entry entry) throws CrossFileException {
        Value value = entry.value();
        switch (entry.key()) {
            case LIBC -> {
                if (!(value instanceof Value.Str s) || !Set.of(GLIBC, MUSL).contains(s.value())) {
                    throw new CrossFileException(entry.file(), entry.line(), entry.key(), "[properties] libc must be "
                            + "'glibc' or 'musl', found " + ValueText.described(value) + "; it names the host "
                            + "machine's C library (musl outputs get the classifier linux-<arch>-musl)");
                }
            }
            case C_STDLIB, CPP_STDLIB -> {
                Optional<String> problem = stringsProblem(value);
                if (problem.isEmpty() && value instanceof Value.Array array && array.elements().size() > 2) {
                    problem = Optional.of("an array of " + array.elements().size() + " strings");
                }
                if (problem.isEmpty() && value instanceof Value.Array array && array.elements().isEmpty()) {
                    problem = Optional.of("an empty array");
                }
                if (problem.isPresent()) {
                    throw new CrossFileException(entry.file(), entry.line(), entry.key(), "[properties] "
                            + entry.key() + " must name the standard library: a string or Meson's ['subproject', "
                            + "'dependency'], found " + problem.get() + "; for cross the (first) name is a <library> of "
                            + "the module, e.g. " + entry.key() + " = 'mylibc'");
                }
            }
            case SYSROOT_PACKAGES, SYSROOT_SOURCES -> {
                Optional<String> problem = stringsProblem(value);
                if (problem.isPresent()) {
                    throw new CrossFileException(entry.file(), entry.line(), entry.key(), "[properties] "
                            + entry.key() + " must be a string or an array of non-empty strings, found "
                            + problem.get() + (entry.key().equals(SYSROOT_PACKAGES)
                                    ? "; e.g. sysroot_packages = ['zlib1g-dev']"
                                    : "; e.g. sysroot_sources = ['deb http://deb.debian.org/debian trixie main']"));
                }
            }
            default -> {
            }
        }
    }

    private static Optional<String> stringsProblem(Value value) {
        if (value instanceof Value.Str s) {
            return s.value().isBlank() ? Optional.of("an empty string") : Optional.empty();
        }
        if (value instanceof Value.Array array) {
            for (Value element : array.elements()) {
                if (!(element instanceof Value.Str s)) {
                    return Optional.of("an array holding " + ValueText.described(element));
                }
                if (s.value().isBlank()) {
                    return Optional.of("an array holding an empty string");
                }
            }
            return Optional.empty();
        }
        return Optional.of(ValueText.described(value));
    }
}
