package dev.crossbuild.toolchain;

import dev.crossbuild.machine.AliasMatch;
import dev.crossbuild.machine.Aliases;
import dev.crossbuild.machine.Machine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Debian/Ubuntu packages that provide each piece of a toolchain for one machine, and the {@code apt-get}
 * commands that install them. The one table of package names in cross: Linux ports are named after the GNU triplet
 * ({@code gcc-aarch64-linux-gnu}, {@code binutils-powerpc64le-linux-gnu}, {@code _} written {@code -}) and the dpkg
 * architecture ({@code libc6-dev-arm64-cross}, {@code zlib1g-dev:arm64}); MinGW-w64 after the architecture
 * ({@code gcc-mingw-w64-x86-64}); a machine of the build machine's own architecture gets the native packages
 * ({@code gcc}, {@code libc6-dev}). Everything is empty when the build machine is not Linux (no apt there) or
 * Debian packages no toolchain for the machine.
 */
final class DebianPackages {

    /** Binutils programs, as they follow a triplet prefix ({@code aarch64-linux-gnu-objcopy}). */
    private static final Pattern BINUTIL =
            Pattern.compile("(?:ar|ranlib|strip|objcopy|objdump|ld|ld\\.bfd|ld\\.gold|nm|as|readelf|size|strings|windres)");
    private static final Pattern GCC_NAME = Pattern.compile("(.+)-(gcc|g\\+\\+|c\\+\\+|cc)(?:-[0-9.]+)?(?:-posix|-win32)?");
    private static final Pattern VERSIONED = Pattern.compile("(clang|clang\\+\\+)(?:-[0-9.]+)?");

    /** What the packages are named after; empty when apt has nothing for the machine. */
    private record Naming(boolean nativeArch, String triplet, Optional<String> debianArch, boolean mingw) {
    }

    private final Machine build;
    private final Optional<Naming> naming;

    private DebianPackages(Machine build, Optional<Naming> naming) {
        this.build = build;
        this.naming = naming;
    }

    static DebianPackages forMachine(Machine machine, Machine build) {
        return new DebianPackages(build, naming(machine, build));
    }

    private static Optional<Naming> naming(Machine machine, Machine build) {
        if (!build.system().equals("linux")) {
            return Optional.empty();
        }
        Optional<String> triplet = Aliases.gnuTriplet(machine);
        if (triplet.isEmpty()) {
            return Optional.empty();
        }
        if (machine.system().equals("windows")) {
            boolean packaged = triplet.get().equals("x86_64-w64-mingw32") || triplet.get().equals("i686-w64-mingw32");
            return packaged ? Optional.of(new Naming(false, triplet.get(), Optional.empty(), true)) : Optional.empty();
        }
        Optional<String> arch = Aliases.debianArch(machine);
        if (arch.isEmpty()) {
            return Optional.empty();
        }
        boolean nativeArch = arch.equals(Aliases.debianArch(build));
        return Optional.of(new Naming(nativeArch, triplet.get(), arch, false));
    }

    /** {@code sudo apt-get install a b}. */
    static String install(List<String> packages) {
        return "sudo apt-get install " + String.join(" ", packages);
    }

    /** The command that installs the compiler of {@code language}, with the C library it needs to link. */
    Optional<String> installCompiler(Language language) {
        List<String> packages = new ArrayList<>();
        compiler(language).ifPresent(packages::add);
        if (packages.isEmpty()) {
            return Optional.empty();
        }
        naming.filter(n -> !n.mingw()).flatMap(n -> libcDev()).ifPresent(packages::add);
        return Optional.of(install(packages));
    }

    /** {@code gcc-aarch64-linux-gnu} / {@code g++-aarch64-linux-gnu}, {@code gcc-mingw-w64-x86-64}, {@code gcc}. */
    Optional<String> compiler(Language language) {
        String driver = language == Language.C ? "gcc" : "g++";
        return naming.map(n -> n.nativeArch() ? driver : driver + "-" + suffix(n));
    }

    /** {@code binutils-aarch64-linux-gnu}, {@code binutils-mingw-w64-x86-64}, {@code binutils}. */
    Optional<String> binutils() {
        return naming.map(n -> n.nativeArch() ? "binutils" : "binutils-" + suffix(n));
    }

    /** Headers, CRT objects and libc for linking: {@code libc6-dev-arm64-cross}, {@code mingw-w64-x86-64-dev}. */
    Optional<String> libcDev() {
        return naming.map(n -> {
            if (n.mingw()) {
                return suffix(n) + "-dev";
            }
            return n.nativeArch() ? "libc6-dev" : "libc6-dev-" + n.debianArch().orElseThrow() + "-cross";
        });
    }

    /**
     * How to get zlib (header and library) for the machine. A foreign Linux architecture: first a private sysroot
     * (cross fetches {@code zlib1g-dev} for the architecture into its cache: no multiarch, no root), then Debian
     * multiarch (the architecture is added to dpkg first, which upgrades host packages and may break apt).
     */
    Optional<String> installZlib() {
        return naming.map(n -> {
            if (n.mingw()) {
                return install(List.of("libz-mingw-w64-dev"));
            }
            if (n.nativeArch()) {
                return install(List.of("zlib1g-dev"));
            }
            String arch = n.debianArch().orElseThrow();
            return sysrootRemedy("zlib1g-dev") + "; or, with Debian multiarch: sudo dpkg --add-architecture " + arch
                    + " && sudo apt-get update && " + install(List.of("zlib1g-dev:" + arch));
        });
    }

    /** The private sysroot remedy for a Debian package of the machine, as the plugin and the command line take it. */
    static String sysrootRemedy(String debianPackage) {
        return "let cross fetch it into a private sysroot: <sysrootPackages><package>" + debianPackage
                + "</package></sysrootPackages> in the cross-maven-plugin's configuration (or -Dcross.sysrootPackages="
                + debianPackage + ", or [properties] sysroot_packages = ['" + debianPackage + "'] in the cross file)";
    }

    /** {@code aarch64-linux-gnu}, or {@code mingw-w64-x86-64}: what cross packages of the machine end with. */
    private static String suffix(Naming n) {
        if (n.mingw()) {
            return "mingw-w64-" + n.triplet().substring(0, n.triplet().indexOf('-')).replace('_', '-');
        }
        return n.triplet().replace('_', '-');
    }

    /**
     * The package that provides a program named in a machine file or by convention: {@code qemu-aarch64} is in
     * {@code qemu-user}, {@code aarch64-linux-gnu-g++-12} in {@code g++-aarch64-linux-gnu}, {@code llvm-strip} in
     * {@code llvm}. Empty for a name that is no Debian package's (or on a build machine without apt).
     */
    Optional<String> forProgram(String program) {
        if (!build.system().equals("linux")) {
            return Optional.empty();
        }
        String name = Launchers.baseName(program);
        if (name.startsWith("qemu-")) {
            return Optional.of("qemu-user");
        }
        if (name.equals("wine") || name.equals("wine64")) {
            return Optional.of("wine");
        }
        if (VERSIONED.matcher(name).matches()) {
            return Optional.of(name.startsWith("clang++") ? name.replace("clang++", "clang") : name);
        }
        if (name.startsWith("ld.lld")) {
            return Optional.of(name.replace("ld.lld", "lld"));
        }
        if (name.startsWith("llvm-")) {
            Matcher versioned = Pattern.compile("llvm-[a-z]+(-[0-9]+)").matcher(name);
            return Optional.of(versioned.matches() ? "llvm" + versioned.group(1) : "llvm");
        }
        if (name.equals("gcc") || name.equals("cc")) {
            return Optional.of("gcc");
        }
        if (name.equals("g++") || name.equals("c++")) {
            return Optional.of("g++");
        }
        if (BINUTIL.matcher(name).matches()) {
            return Optional.of("binutils");
        }
        Matcher gcc = GCC_NAME.matcher(name);
        if (gcc.matches()) {
            Language language = gcc.group(2).equals("gcc") || gcc.group(2).equals("cc") ? Language.C : Language.CPP;
            return forTriplet(gcc.group(1)).flatMap(packages -> packages.compiler(language));
        }
        int dash = name.lastIndexOf('-');
        if (dash > 0 && BINUTIL.matcher(name.substring(dash + 1)).matches()) {
            return forTriplet(name.substring(0, dash)).flatMap(DebianPackages::binutils);
        }
        return Optional.empty();
    }

    /** The packages of the machine a Debian triplet prefix names, when it is exactly Debian's triplet for it. */
    private Optional<DebianPackages> forTriplet(String triplet) {
        Optional<AliasMatch> match = Aliases.lookup(triplet);
        if (match.isEmpty()) {
            return Optional.empty();
        }
        String family = match.get().platform().cpuFamily();
        Machine machine = Machine.of(match.get().platform().system(), family,
                triplet.substring(0, triplet.indexOf('-')), match.get().endian());
        if (!Aliases.gnuTriplet(machine).map(triplet::equals).orElse(false)) {
            return Optional.empty();
        }
        return Optional.of(forMachine(machine, build));
    }
}
