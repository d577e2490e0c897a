package dev.crossbuild.machine;

import static dev.crossbuild.machine.Endian.BIG;
import static dev.crossbuild.machine.Endian.LITTLE;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Platform names of other ecosystems, read as Meson's {@code system} / {@code cpu_family}, and the names this
 * project writes (classifiers, GNU triplets, Debian architectures) for a machine.
 *
 * <p>Accepted forms (case-insensitive):
 * <ul>
 * <li>GNU triplets, with or without vendor: {@code aarch64-linux-gnu}, {@code aarch64-unknown-linux-gnu},
 * {@code arm-linux-gnueabihf}, {@code riscv64gc-unknown-linux-gnu}, {@code x86_64-w64-mingw32},
 * {@code aarch64-apple-darwin}, {@code aarch64-linux-android}; vcpkg's {@code x64-linux} reads the same way. Bare-metal
 * triplets ({@code arm-none-eabi}, {@code aarch64-none-elf}, {@code riscv64-unknown-elf}) read as system
 * {@code none}.</li>
 * <li>{@code <os>-<arch>}: os-maven-plugin classifiers ({@code linux-aarch_64}, {@code osx-x86_64}), .NET RIDs
 * ({@code linux-arm64}, {@code win-x64}, {@code linux-musl-x64}), Java-style pairs ({@code linux-amd64}) and this
 * project's own classifiers ({@link #classifier}), musl ones included ({@code linux-aarch_64-musl}).</li>
 * <li>A bare architecture: Debian architectures ({@code arm64}, {@code armhf}, {@code ppc64el}) and Java
 * {@code os.arch} values ({@code amd64}, {@code aarch64}, {@code ppc64le}). These name no operating system; they
 * are read as Linux, which is what a Debian architecture means.</li>
 * </ul>
 */
public final class Aliases {

    private Aliases() {
    }

    private record Arch(String cpuFamily, Endian endian) {
    }

    /** Every architecture name of every scheme above; a comment names the schemes that use the less obvious ones. */
    private static final Map<String, Arch> ARCHITECTURES = new HashMap<>();

    static {
        arch("x86_64", LITTLE, "x86_64", "amd64" /* Debian, Java */, "x64" /* .NET, vcpkg */, "x86-64" /* JNA */,
                "i86pc" /* Solaris uname; Meson reads it as x86_64 */);
        arch("x86", LITTLE, "x86", "x86_32" /* os-maven-plugin */, "ia32");
        arch("aarch64", LITTLE, "aarch64", "arm64" /* Debian, .NET, Apple */, "aarch_64" /* os-maven-plugin */);
        arch("aarch64", BIG, "aarch64_be");
        arch("arm", LITTLE, "arm", "armhf", "armel" /* Debian */, "arm_32" /* os-maven-plugin */);
        arch("arm", BIG, "armeb");
        arch("riscv64", LITTLE, "riscv64");
        arch("riscv32", LITTLE, "riscv32", "riscv" /* os-maven-plugin */);
        arch("ppc64", LITTLE, "ppc64le" /* Java, .NET */, "ppc64el" /* Debian */, "powerpc64le", "ppcle_64");
        arch("ppc64", BIG, "ppc64", "powerpc64", "ppc_64");
        arch("ppc", LITTLE, "ppcle", "powerpcle", "ppcle_32");
        arch("ppc", BIG, "ppc", "powerpc", "ppc_32");
        arch("s390x", BIG, "s390x", "s390_64");
        arch("s390", BIG, "s390", "s390_32");
        arch("mips64", LITTLE, "mips64el" /* Debian, Java */, "mipsel_64");
        arch("mips64", BIG, "mips64", "mips_64");
        arch("mips", LITTLE, "mipsel", "mipsel_32");
        arch("mips", BIG, "mips", "mips_32");
        arch("loongarch64", LITTLE, "loongarch64", "loong64" /* Debian */, "loongarch_64");
        arch("sparc64", BIG, "sparc64", "sparcv9" /* Java on Solaris */, "sparc_64");
        arch("sparc", BIG, "sparc", "sparc_32");
        arch("ia64", LITTLE, "ia64", "itanium_64");
        arch("parisc", BIG, "parisc", "hppa");
        arch("alpha", LITTLE, "alpha");
        arch("m68k", BIG, "m68k");
        arch("sh4", LITTLE, "sh4");
        arch("e2k", LITTLE, "e2k");
        arch("wasm32", LITTLE, "wasm32");
        arch("wasm64", LITTLE, "wasm64");
    }

    private static void arch(String cpuFamily, Endian endian, String... names) {
        for (String name : names) {
            if (ARCHITECTURES.put(name, new Arch(cpuFamily, endian)) != null) {
                throw new IllegalStateException("architecture alias listed twice: " + name);
            }
        }
    }

    /** GNU CPU fields that carry a sub-architecture: {@code armv7l}, {@code armv7a}, {@code riscv64gc}, {@code i686}. */
    private static final Pattern ARM_VARIANT = Pattern.compile("armv[0-9]+[a-z0-9]*");
    private static final Pattern RISCV64_VARIANT = Pattern.compile("riscv64[a-z0-9_]+");
    private static final Pattern RISCV32_VARIANT = Pattern.compile("riscv32[a-z0-9_]+");
    private static final Pattern X86_VARIANT = Pattern.compile("i[3-6]86");

    private static Optional<Arch> architecture(String name) {
        Arch known = ARCHITECTURES.get(name);
        if (known != null) {
            return Optional.of(known);
        }
        if (ARM_VARIANT.matcher(name).matches()) {
            return Optional.of(new Arch("arm", name.endsWith("eb") ? BIG : LITTLE));
        }
        if (RISCV64_VARIANT.matcher(name).matches()) {
            return Optional.of(new Arch("riscv64", LITTLE));
        }
        if (RISCV32_VARIANT.matcher(name).matches()) {
            return Optional.of(new Arch("riscv32", LITTLE));
        }
        if (X86_VARIANT.matcher(name).matches()) {
            return Optional.of(new Arch("x86", LITTLE));
        }
        return Optional.empty();
    }

    /** The operating system part of {@code <os>-<arch>} names: other schemes' names and every Meson system. */
    private static final Map<String, String> SYSTEMS = Map.ofEntries(
            Map.entry("linux", "linux"),
            Map.entry("windows", "windows"),
            Map.entry("win", "windows"), // .NET
            Map.entry("win32", "windows"), // JNA
            Map.entry("osx", "darwin"), // os-maven-plugin, .NET
            Map.entry("macos", "darwin"),
            Map.entry("darwin", "darwin"),
            Map.entry("freebsd", "freebsd"),
            Map.entry("openbsd", "openbsd"),
            Map.entry("netbsd", "netbsd"),
            Map.entry("dragonfly", "dragonfly"),
            Map.entry("sunos", "sunos"),
            Map.entry("solaris", "sunos"),
            Map.entry("illumos", "sunos"),
            Map.entry("aix", "aix"),
            Map.entry("os400", "aix"), // os-maven-plugin; Meson maps IBM i to aix
            Map.entry("android", "android"),
            Map.entry("haiku", "haiku"),
            Map.entry("cygwin", "cygwin"),
            Map.entry("gnu", "gnu"),
            Map.entry("emscripten", "emscripten"),
            Map.entry("fuchsia", "fuchsia"),
            Map.entry("os_2", "os/2"), // as classifier() writes os/2
            Map.entry("none", "none")); // bare metal, as classifier() writes it: none-arm_32

    /** The C library whose Linux classifiers end with {@code -musl}. */
    public static final String MUSL = "musl";

    /** .NET's libc qualifiers between OS and architecture: {@code linux-musl-x64}, {@code linux-bionic-arm64}. */
    private static final Map<String, String> LINUX_LIBCS = Map.of("musl", "linux", "bionic", "android");

    /** The platform a name stands for, or empty when the name is not recognised. */
    public static Optional<Platform> resolve(String text) {
        return lookup(text).map(AliasMatch::platform);
    }

    /** Like {@link #resolve}, with the byte order the name stands for. */
    public static Optional<AliasMatch> lookup(String text) {
        String name = text.strip().toLowerCase(Locale.ROOT);
        Optional<Arch> bare = architecture(name);
        if (bare.isPresent()) {
            return Optional.of(match("linux", bare.get()));
        }
        List<String> fields = List.of(name.split("-", -1));
        if (fields.size() < 2) {
            return Optional.empty();
        }
        Optional<Arch> gnuCpu = architecture(fields.get(0));
        if (gnuCpu.isPresent()) {
            return gnuSystem(fields.subList(1, fields.size())).map(system -> match(system, gnuCpu.get()));
        }
        return osThenArch(fields);
    }

    private static AliasMatch match(String system, Arch arch) {
        return new AliasMatch(new Platform(system, arch.cpuFamily()), arch.endian());
    }

    private static Optional<AliasMatch> osThenArch(List<String> fields) {
        String system = SYSTEMS.get(fields.get(0));
        if (system == null) {
            return Optional.empty();
        }
        int archAt = 1;
        int archEnd = fields.size();
        if ("linux".equals(system) && fields.size() > 2 && LINUX_LIBCS.containsKey(fields.get(1))) {
            system = LINUX_LIBCS.get(fields.get(1));
            archAt = 2;
        } else if ("linux".equals(system) && fields.size() > 2 && fields.get(archEnd - 1).equals(MUSL)) {
            archEnd--; // this project's musl classifiers: linux-aarch_64-musl
        }
        // The architecture is the rest: it may itself contain '-' (JNA's x86-64).
        String finalSystem = system;
        return architecture(String.join("-", fields.subList(archAt, archEnd)))
                .map(arch -> match(finalSystem, arch));
    }

    /** The system of the fields after a GNU triplet's CPU: {@code [vendor-]os[-abi]}. */
    private static Optional<String> gnuSystem(List<String> fields) {
        Optional<String> withoutVendor = gnuOs(fields.get(0), fields.subList(1, fields.size()));
        if (withoutVendor.isPresent() || fields.size() < 2) {
            return withoutVendor;
        }
        return gnuOs(fields.get(1), fields.subList(2, fields.size()));
    }

    private static Optional<String> gnuOs(String os, List<String> rest) {
        // Bare metal: arm-none-eabi, aarch64-none-elf, riscv64-unknown-elf (but arm-none-linux-gnueabihf is Linux).
        if (os.equals("elf") || os.startsWith("eabi")
                || os.equals("none") && (rest.isEmpty() || rest.get(0).equals("elf") || rest.get(0).startsWith("eabi"))) {
            return Optional.of("none");
        }
        if (os.equals("linux")) {
            return Optional.of(!rest.isEmpty() && rest.get(0).startsWith("android") ? "android" : "linux");
        }
        if (os.startsWith("mingw") || os.startsWith("windows") || os.equals("win32")) {
            return Optional.of("windows");
        }
        if (os.equals("cygwin") || os.equals("msys")) {
            return Optional.of("cygwin");
        }
        if (os.startsWith("darwin") || os.startsWith("macos") || os.equals("osx")) {
            return Optional.of("darwin");
        }
        for (String bsd : List.of("freebsd", "netbsd", "openbsd", "dragonfly")) {
            if (os.startsWith(bsd)) {
                return Optional.of(bsd);
            }
        }
        if (os.startsWith("solaris") || os.equals("illumos")) {
            return Optional.of("sunos");
        }
        if (os.startsWith("aix")) {
            return Optional.of("aix");
        }
        if (os.startsWith("android")) {
            return Optional.of("android");
        }
        if (List.of("haiku", "gnu", "emscripten", "fuchsia").contains(os)) {
            return Optional.of(os);
        }
        return Optional.empty();
    }

    // ---- names we write -------------------------------------------------------------------------------------------

    /** os-maven-plugin's OS names; other systems keep Meson's name. */
    private static final Map<String, String> CLASSIFIER_SYSTEMS = Map.of("darwin", "osx");

    /** os-maven-plugin's architecture names for families whose name does not depend on byte order. */
    private static final Map<String, String> CLASSIFIER_ARCHITECTURES = Map.ofEntries(
            Map.entry("x86_64", "x86_64"),
            Map.entry("x86", "x86_32"),
            Map.entry("aarch64", "aarch_64"),
            Map.entry("arm", "arm_32"),
            Map.entry("riscv64", "riscv64"),
            Map.entry("riscv32", "riscv"),
            Map.entry("s390x", "s390_64"),
            Map.entry("s390", "s390_32"),
            Map.entry("loongarch64", "loongarch_64"),
            Map.entry("sparc64", "sparc_64"),
            Map.entry("sparc", "sparc_32"),
            Map.entry("ia64", "itanium_64"),
            Map.entry("e2k", "e2k"));

    private static final Pattern UNSAFE = Pattern.compile("[^a-z0-9_.]+");

    /**
     * The os-maven-plugin style name of a host machine, used for output folders and artifact classifiers:
     * {@code linux-x86_64}, {@code linux-aarch_64}, {@code linux-arm_32}, {@code linux-riscv64},
     * {@code linux-ppcle_64} (big endian: {@code linux-ppc_64}), {@code linux-s390_64}, {@code windows-x86_64},
     * {@code osx-aarch_64}, bare metal {@code none-arm_32}. A system or family os-maven-plugin has no name for keeps
     * Meson's name, lower-cased with
     * anything but letters, digits, {@code _} and {@code .} replaced by {@code _} ({@code os/2} gives {@code os_2}).
     * {@link #resolve} reads back every classifier this method writes for a Meson system and a family of the
     * architecture table above (all families with a 64-bit or a common 32-bit Linux port).
     */
    public static String classifier(Machine host) {
        String system = CLASSIFIER_SYSTEMS.getOrDefault(host.system(), host.system());
        return sanitise(system) + "-" + sanitise(classifierArchitecture(host.cpuFamily(), host.endian()));
    }

    /**
     * {@link #classifier(Machine)}, with {@code -musl} appended for a Linux machine whose C library is musl
     * ({@code linux-x86_64-musl}, {@code linux-aarch_64-musl}): the names cross-runtime's loader looks for on a musl
     * system. Meson's machine has no C library field; a machine file says it with {@code [properties] libc = 'musl'}.
     * {@link #resolve} reads these names back as the machine's platform.
     */
    public static String classifier(Machine host, boolean musl) {
        String classifier = classifier(host);
        return musl && host.system().equals("linux") ? classifier + "-" + MUSL : classifier;
    }

    private static String classifierArchitecture(String cpuFamily, Endian endian) {
        boolean little = endian == LITTLE;
        return switch (cpuFamily) {
            case "ppc64" -> little ? "ppcle_64" : "ppc_64";
            case "ppc" -> little ? "ppcle_32" : "ppc_32";
            case "mips64" -> little ? "mipsel_64" : "mips_64";
            case "mips" -> little ? "mipsel_32" : "mips_32";
            default -> CLASSIFIER_ARCHITECTURES.getOrDefault(cpuFamily, cpuFamily);
        };
    }

    private static String sanitise(String part) {
        String safe = UNSAFE.matcher(part.toLowerCase(Locale.ROOT)).replaceAll("_");
        return safe.isEmpty() ? "unknown" : safe;
    }

    /**
     * One Linux port: the GNU triplet its Debian/Ubuntu cross toolchain uses as a prefix
     * ({@code aarch64-linux-gnu-gcc}), its multiarch directory name ({@code /usr/lib/<multiarch>}) and its dpkg
     * architecture.
     */
    private record LinuxPort(String cpuFamily, Endian endian, String gnuTriplet, String multiarch, String debianArch) {
    }

    private static final List<LinuxPort> LINUX_PORTS = List.of(
            new LinuxPort("x86_64", LITTLE, "x86_64-linux-gnu", "x86_64-linux-gnu", "amd64"),
            new LinuxPort("x86", LITTLE, "i686-linux-gnu", "i386-linux-gnu", "i386"),
            new LinuxPort("aarch64", LITTLE, "aarch64-linux-gnu", "aarch64-linux-gnu", "arm64"),
            new LinuxPort("arm", LITTLE, "arm-linux-gnueabihf", "arm-linux-gnueabihf", "armhf"),
            new LinuxPort("riscv64", LITTLE, "riscv64-linux-gnu", "riscv64-linux-gnu", "riscv64"),
            new LinuxPort("ppc64", LITTLE, "powerpc64le-linux-gnu", "powerpc64le-linux-gnu", "ppc64el"),
            new LinuxPort("ppc64", BIG, "powerpc64-linux-gnu", "powerpc64-linux-gnu", "ppc64"),
            new LinuxPort("ppc", BIG, "powerpc-linux-gnu", "powerpc-linux-gnu", "powerpc"),
            new LinuxPort("s390x", BIG, "s390x-linux-gnu", "s390x-linux-gnu", "s390x"),
            new LinuxPort("mips64", LITTLE, "mips64el-linux-gnuabi64", "mips64el-linux-gnuabi64", "mips64el"),
            new LinuxPort("mips", LITTLE, "mipsel-linux-gnu", "mipsel-linux-gnu", "mipsel"),
            new LinuxPort("loongarch64", LITTLE, "loongarch64-linux-gnu", "loongarch64-linux-gnu", "loong64"),
            new LinuxPort("sparc64", BIG, "sparc64-linux-gnu", "sparc64-linux-gnu", "sparc64"),
            new LinuxPort("m68k", BIG, "m68k-linux-gnu", "m68k-linux-gnu", "m68k"),
            new LinuxPort("alpha", LITTLE, "alpha-linux-gnu", "alpha-linux-gnu", "alpha"),
            new LinuxPort("sh4", LITTLE, "sh4-linux-gnu", "sh4-linux-gnu", "sh4"),
            new LinuxPort("parisc", BIG, "hppa-linux-gnu", "hppa-linux-gnu", "hppa"),
            new LinuxPort("ia64", LITTLE, "ia64-linux-gnu", "ia64-linux-gnu", "ia64"));

    /** Debian's soft-float 32-bit ARM port, chosen over armhf only when the machine's cpu asks for it. */
    private static final LinuxPort ARMEL =
            new LinuxPort("arm", LITTLE, "arm-linux-gnueabi", "arm-linux-gnueabi", "armel");

    private static Optional<LinuxPort> linuxPort(Machine machine) {
        if (!machine.system().equals("linux")) {
            return Optional.empty();
        }
        if (machine.cpuFamily().equals("arm") && isSoftFloatArm(machine.cpu())) {
            return Optional.of(ARMEL);
        }
        return LINUX_PORTS.stream()
                .filter(port -> port.cpuFamily().equals(machine.cpuFamily()) && port.endian() == machine.endian())
                .findFirst();
    }

    /** armhf needs ARMv7 (Debian) or ARMv6 (Raspbian); older cores and an explicit {@code armel} mean armel. */
    private static boolean isSoftFloatArm(String cpu) {
        String c = cpu.toLowerCase(Locale.ROOT);
        return c.equals("armel") || c.startsWith("armv4") || c.startsWith("armv5");
    }

    /** Triplets of the usual non-Linux cross toolchains (mingw-w64, Apple clang, FreeBSD, Android NDK). */
    private static final Map<Platform, String> OTHER_TRIPLETS = Map.ofEntries(
            Map.entry(new Platform("windows", "x86_64"), "x86_64-w64-mingw32"),
            Map.entry(new Platform("windows", "x86"), "i686-w64-mingw32"),
            Map.entry(new Platform("windows", "aarch64"), "aarch64-w64-mingw32"),
            Map.entry(new Platform("darwin", "x86_64"), "x86_64-apple-darwin"),
            Map.entry(new Platform("darwin", "aarch64"), "aarch64-apple-darwin"),
            Map.entry(new Platform("freebsd", "x86_64"), "x86_64-unknown-freebsd"),
            Map.entry(new Platform("freebsd", "aarch64"), "aarch64-unknown-freebsd"),
            Map.entry(new Platform("android", "aarch64"), "aarch64-linux-android"),
            Map.entry(new Platform("android", "arm"), "armv7a-linux-androideabi"),
            Map.entry(new Platform("android", "x86_64"), "x86_64-linux-android"),
            Map.entry(new Platform("android", "x86"), "i686-linux-android"));

    /**
     * The GNU triplet a cross toolchain for this machine is usually prefixed with: Debian/Ubuntu's for Linux
     * ({@code aarch64-linux-gnu}, {@code i686-linux-gnu}, {@code powerpc64le-linux-gnu}; glibc is assumed, the machine
     * does not say which libc it has), mingw-w64's for Windows ({@code x86_64-w64-mingw32}), clang's for darwin.
     * Empty when there is no usual one.
     */
    public static Optional<String> gnuTriplet(Machine machine) {
        Optional<LinuxPort> port = linuxPort(machine);
        if (port.isPresent()) {
            return Optional.of(port.get().gnuTriplet());
        }
        if (machine.endian() != LITTLE) {
            return Optional.empty();
        }
        return Optional.ofNullable(OTHER_TRIPLETS.get(Platform.of(machine)));
    }

    /** The dpkg architecture of a Linux machine ({@code arm64}, {@code armhf}, {@code ppc64el}), if Debian has one. */
    public static Optional<String> debianArch(Machine machine) {
        return linuxPort(machine).map(LinuxPort::debianArch);
    }

    /**
     * The Debian multiarch tuple of a Linux machine, the directory name under {@code /usr/lib} and
     * {@code /usr/include} ({@code aarch64-linux-gnu}, {@code i386-linux-gnu}), if Debian has one.
     */
    public static Optional<String> debianMultiarch(Machine machine) {
        return linuxPort(machine).map(LinuxPort::multiarch);
    }

    /**
     * The Debian multiarch tuple of the machine's C library: {@link #debianMultiarch(Machine)} for glibc; for musl the
     * folder name Debian's {@code musl-dev} uses, the glibc tuple with {@code gnu} made {@code musl}
     * ({@code aarch64-linux-musl}, {@code x86_64-linux-musl}, {@code arm-linux-musleabihf}).
     */
    public static Optional<String> debianMultiarch(Machine machine, boolean musl) {
        return debianMultiarch(machine).map(tuple -> musl ? tuple.replace("-gnu", "-" + MUSL) : tuple);
    }
}
