package dev.crossbuild.toolchain;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What a compiler says it is: its family ({@code gcc} or {@code clang}, Meson's compiler ids), its version, the
 * target triple it emits code for, and its default sysroot when it has one.
 */
public record CompilerId(String id, String version, String targetTriple, Optional<Path> sysroot) {

    public CompilerId {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(targetTriple, "targetTriple");
        Objects.requireNonNull(sysroot, "sysroot");
    }
}
