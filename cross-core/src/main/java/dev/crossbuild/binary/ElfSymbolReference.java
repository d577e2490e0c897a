package dev.crossbuild.binary;

import java.util.Objects;
import java.util.Optional;

/**
 * A symbol a file needs from elsewhere: an undefined global or weak entry of {@code .dynsym} (linked files: with the
 * version the symbol version table gives it and the library that version belongs to, {@code pthread_create},
 * {@code GLIBC_2.34}, {@code libc.so.6}) or of {@code .symtab} (objects, which have no versions).
 */
public record ElfSymbolReference(String name, Optional<String> version, Optional<String> library, boolean weak) {

    public ElfSymbolReference {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(library, "library");
    }

    /** {@code pthread_create@GLIBC_2.34}, or the plain name without a version. */
    @Override
    public String toString() {
        return version.map(v -> name + "@" + v).orElse(name);
    }
}
