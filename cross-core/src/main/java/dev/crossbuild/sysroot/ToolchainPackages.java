package dev.crossbuild.sysroot;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Debian packages a cross toolchain already provides for its machine, which a private sysroot never takes: the C
 * library (glibc's {@code libc6}, {@code libc6-dev}, the virtual {@code libc-dev}, {@code libcrypt}, {@code libnsl}),
 * the kernel headers ({@code linux-libc-dev}) and the compiler's runtime ({@code libgcc-s1}, {@code libstdc++6},
 * {@code libatomic1}, the sanitizers, {@code gcc-12-base}, {@code libgcc-12-dev}, {@code libstdc++-12-dev}). Debian's
 * {@code libc6-dev-arm64-cross}, {@code libstdc++6-arm64-cross} and friends are these packages, built for the cross
 * compiler; a second copy in the sysroot would shadow them with another version. Their dependencies are not followed
 * either. A program's own runtime comes with it at run time, from the cross toolchain's libc folder (qemu's
 * {@code -L}) or the target system.
 */
final class ToolchainPackages {

    private static final Set<String> NAMES = Set.of(
            "libc6", "libc6-dev", "libc-dev", "libc-dev-bin", "libc-bin", "libc-l10n", "libc6-dbg", "locales",
            "linux-libc-dev", "libcrypt1", "libcrypt-dev", "libnsl2", "libnsl-dev",
            "libgcc1", "libgcc-s1", "libstdc++6", "libatomic1", "libgomp1", "libitm1", "libquadmath0", "libubsan1",
            "liblsan0", "libhwasan0", "libcc1-0");

    private static final List<Pattern> PATTERNS = List.of(
            Pattern.compile("gcc-[0-9]+-base"),
            Pattern.compile("lib(gcc|stdc\\+\\+|gfortran|objc)-[0-9]+-dev"),
            Pattern.compile("lib(a|t|ub|l|hwa)san[0-9]*"));

    private ToolchainPackages() {
    }

    /** Whether the cross toolchain provides {@code name} (a package or a virtual name). */
    static boolean provides(String name) {
        return NAMES.contains(name) || PATTERNS.stream().anyMatch(p -> p.matcher(name).matches());
    }
}
