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
 * Each is checked where it is written, with the file and line.
 */
public final class CrossProperties {

    public static final String LIBC = "libc";
    public static final String SYSROOT_PACKAGES = "sysroot_packages";
    public static final String SYSROOT_SOURCES = "sysroot_sources";

    static final String GLIBC = "glibc";
    static final String MUSL = "musl";

    private CrossProperties() {
    }

    /** Whether {@code properties} say the machine's C library is musl ({@code libc = 'musl'}). */
    public static boolean musl(Map<String, Value> properties) {
        return properties.get(LIBC) instanceof Value.Str s && s.value().equals(MUSL);
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
