package dev.crossbuild.machine;

import java.util.Objects;

/**
 * What a platform name from another ecosystem says about a machine: its {@link Platform} and its byte order.
 * Meson keeps endianness out of {@code cpu_family} ({@code ppc64} + little), but other names carry it
 * ({@code ppc64el}, {@code powerpc64le}, {@code mips64el}, {@code linux-ppcle_64}). Names that do not spell the byte
 * order out stand for the usual one of their architecture, as GNU, Debian and Java read them: {@code ppc64},
 * {@code mips64} and {@code s390x} are big endian, {@code aarch64}, {@code arm} and {@code x86_64} little endian.
 */
public record AliasMatch(Platform platform, Endian endian) {

    public AliasMatch {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(endian, "endian");
    }
}
