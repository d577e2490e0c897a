package dev.crossbuild.toolchain;

import java.util.Collection;
import java.util.Set;

/**
 * What the build will need: compilers for {@code languages}, target strip/objcopy when {@code strip}, and the target
 * libraries named in {@code libraries} ({@code zlib} is the one the doctor knows how to check).
 */
public record DoctorRequest(Set<Language> languages, boolean strip, Set<String> libraries) {

    public static final String ZLIB = "zlib";

    public DoctorRequest {
        languages = Set.copyOf(languages);
        if (languages.isEmpty()) {
            throw new IllegalArgumentException("the doctor needs at least one language to check");
        }
        libraries = Set.copyOf(libraries);
    }

    /**
     * Of the pkg-config dependencies {@code names}, the ones the doctor has a check for (it knows {@code zlib}, also
     * with a version constraint: {@code zlib >= 1.2}).
     */
    public static Set<String> checkable(Collection<String> names) {
        return names.stream().anyMatch(name -> name.strip().split("[\\s<>=!]", 2)[0].equals(ZLIB))
                ? Set.of(ZLIB) : Set.of();
    }

    /** C and C++, stripping on, no extra library: what a build with default settings needs. */
    public static DoctorRequest defaults() {
        return new DoctorRequest(Set.of(Language.C, Language.CPP), true, Set.of());
    }
}
