package dev.crossbuild.nativebuild;

import java.util.Objects;

/**
 * What {@link IncrementalState} records an output as made with, in two hashes so a rebuild can say which changed:
 * {@code command}, the argv and whatever else shapes the output (a strip step, a generator's outputs), and
 * {@code compiler}, the toolchain that ran it (the compiler's id, version, target and sysroot, the programs' size
 * and modification time). Made by {@link Fingerprints#of}.
 */
public record Fingerprint(String command, String compiler) {

    public Fingerprint {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(compiler, "compiler");
    }
}
