package dev.crossbuild.toolchain;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What a compiler says about itself: its family ({@code gcc} or {@code clang}, Meson's compiler ids), its version
 * ({@code 12.2.0}, {@code 14.0.6}, MinGW's {@code 12-posix}), the target triple it compiles for as it spells it
 * ({@code aarch64-linux-gnu}, clang's {@code aarch64-unknown-linux-gnu}) and its default sysroot when it has one.
 */
public record CompilerId(String id, String version, String targetTriple, Optional<Path> sysroot) {

    public static final String GCC = "gcc";
    public static final String CLANG = "clang";

    public CompilerId {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(targetTriple, "targetTriple");
        Objects.requireNonNull(sysroot, "sysroot");
    }

    public boolean isGcc() {
        return GCC.equals(id);
    }

    public boolean isClang() {
        return CLANG.equals(id);
    }

    /** The major version ({@code 12} of {@code 12.2.0} or {@code 12-posix}), empty when it does not start with one. */
    public Optional<Integer> majorVersion() {
        int end = 0;
        while (end < version.length() && Character.isDigit(version.charAt(end))) {
            end++;
        }
        return end == 0 || end > 6 ? Optional.empty() : Optional.of(Integer.parseInt(version.substring(0, end)));
    }

    /** {@code gcc 12.2.0, aarch64-linux-gnu}. */
    @Override
    public String toString() {
        return id + " " + version + ", " + targetTriple;
    }
}
