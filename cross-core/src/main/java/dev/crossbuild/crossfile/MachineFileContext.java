package dev.crossbuild.crossfile;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What the machine-file language may refer to outside the files themselves: the top-level source directory for
 * the {@code @GLOBAL_SOURCE_ROOT@} token (Meson 1.3+) and the user's home directory for the {@code ~} builtin
 * (Meson 1.11+). When one is absent the token stays literal, and {@code ~} is an error.
 */
public record MachineFileContext(Optional<Path> sourceRoot, Optional<Path> home) {

    public MachineFileContext {
        Objects.requireNonNull(sourceRoot, "sourceRoot");
        Objects.requireNonNull(home, "home");
    }

    public static MachineFileContext none() {
        return new MachineFileContext(Optional.empty(), Optional.empty());
    }

    public static MachineFileContext of(Path sourceRoot, Path home) {
        return new MachineFileContext(Optional.ofNullable(sourceRoot), Optional.ofNullable(home));
    }
}
