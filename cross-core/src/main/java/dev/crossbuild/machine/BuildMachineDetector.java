package dev.crossbuild.machine;

import dev.crossbuild.exec.HostEnvironment;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The build machine (where cross and the compilers run) as Meson would describe it, from the JVM's {@code os.name},
 * {@code os.arch}, {@code os.version} and {@code sun.cpu.endian}.
 *
 * <p>{@code system} is what Python's {@code platform.system().lower()} gives ({@code Mac OS X} is {@code darwin},
 * {@code Windows 11} is {@code windows}). {@code cpu_family} and {@code cpu} follow Meson's
 * {@code detect_cpu_family} / {@code detect_cpu} before compilers are known: the JVM's {@code os.arch} takes the place
 * of {@code platform.machine()} and is the JVM's architecture, so a 32-bit JVM on a 64-bit OS gives {@code x86}.
 * {@code kernel} and {@code subsystem} are derived from {@code system} as Meson 1.2+ does.
 */
public final class BuildMachineDetector {

    private BuildMachineDetector() {
    }

    /** Meson's {@code KERNEL_MAPPINGS}: the kernel implied by each build-machine system. */
    private static final Map<String, String> KERNELS = Map.ofEntries(
            Map.entry("freebsd", "freebsd"),
            Map.entry("openbsd", "openbsd"),
            Map.entry("netbsd", "netbsd"),
            Map.entry("windows", "nt"),
            Map.entry("cygwin", "nt"),
            Map.entry("android", "linux"),
            Map.entry("linux", "linux"),
            Map.entry("darwin", "xnu"),
            Map.entry("dragonfly", "dragonfly"),
            Map.entry("haiku", "haiku"),
            Map.entry("gnu", "gnu"),
            Map.entry("fuchsia", "fuchsia"),
            Map.entry("aix", "aix"));

    public static Machine detect(HostEnvironment environment) {
        String osName = required(environment, "os.name");
        String rawArch = required(environment, "os.arch").strip().toLowerCase(Locale.ROOT);
        String system = system(osName);
        String cpuFamily = cpuFamily(rawArch);
        Endian endian = environment.property("sun.cpu.endian")
                .flatMap(Endian::parse)
                .orElseGet(() -> usualEndian(rawArch));
        Optional<String> kernel = kernel(system, osName, environment.property("os.version"));
        Optional<String> subsystem = Optional.of(system.equals("darwin") ? "macos" : system);
        return new Machine(system, cpuFamily, cpu(rawArch), endian, kernel, subsystem);
    }

    private static String required(HostEnvironment environment, String property) {
        return environment.property(property).orElseThrow(() -> new IllegalStateException(
                "The Java system property " + property + " is not set, so the build machine cannot be detected."));
    }

    /** Python's {@code platform.system().lower()} for the OS the JVM calls {@code osName}. */
    static String system(String osName) {
        String name = osName.strip().toLowerCase(Locale.ROOT);
        if (name.startsWith("windows")) {
            return "windows";
        }
        if (name.startsWith("mac") || name.equals("darwin")) {
            return "darwin";
        }
        if (name.equals("os/400")) {
            return "aix"; // Meson reports IBM i as aix, with kernel os400
        }
        if (name.startsWith("dragonfly")) {
            return "dragonfly"; // Python: DragonFly
        }
        if (name.startsWith("cygwin")) {
            return "cygwin"; // Python: CYGWIN_NT-10.0
        }
        if (name.equals("solaris")) {
            return "sunos";
        }
        return name;
    }

    /** Meson's {@code detect_cpu_family} without compilers, plus Java's own {@code sparcv9}. */
    static String cpuFamily(String raw) {
        if (raw.startsWith("i") && raw.endsWith("86") || raw.equals("bepc")) {
            return "x86";
        }
        if (raw.equals("arm64") || raw.startsWith("aarch64")) {
            return "aarch64";
        }
        if (raw.startsWith("arm") || raw.startsWith("earm")) {
            return "arm";
        }
        if (raw.startsWith("powerpc64") || raw.startsWith("ppc64")) {
            return "ppc64";
        }
        if (raw.startsWith("powerpc") || raw.startsWith("ppc") || raw.equals("macppc")
                || raw.equals("power macintosh")) {
            return "ppc";
        }
        if (raw.equals("amd64") || raw.equals("x64") || raw.equals("i86pc")) {
            return "x86_64";
        }
        if (raw.equals("sun4u") || raw.equals("sun4v") || raw.equals("sparcv9")) {
            return "sparc64";
        }
        if (raw.startsWith("mips")) {
            return raw.contains("64") ? "mips64" : "mips";
        }
        if (raw.equals("ip30") || raw.equals("ip35")) {
            return "mips64";
        }
        if (raw.equals("parisc64")) {
            return "parisc"; // no 64-bit userland for PA-RISC
        }
        return raw;
    }

    /** Meson's {@code detect_cpu} without compilers: the raw name, with a few spellings made canonical. */
    static String cpu(String raw) {
        if (raw.equals("amd64") || raw.equals("x64") || raw.equals("i86pc")) {
            return "x86_64";
        }
        if (raw.startsWith("aarch64") || raw.startsWith("arm64")) {
            return "aarch64";
        }
        if (raw.startsWith("earm")) {
            return "arm";
        }
        if (raw.startsWith("mips")) {
            return raw.contains("64") ? "mips64" : "mips";
        }
        return raw;
    }

    /** When the JVM does not say: the byte order the architecture's name stands for, else little. */
    private static Endian usualEndian(String raw) {
        return Aliases.lookup(raw).map(AliasMatch::endian).orElse(Endian.LITTLE);
    }

    private static Optional<String> kernel(String system, String osName, Optional<String> osVersion) {
        if (system.equals("aix") && osName.strip().equalsIgnoreCase("os/400")) {
            return Optional.of("os400");
        }
        if (system.equals("sunos")) {
            // Meson asks `uname -o` to tell illumos from Solaris 11; only releases up to 5.10 are surely Solaris.
            return osVersion.filter(BuildMachineDetector::isSolaris10OrOlder).map(v -> "solaris");
        }
        return Optional.ofNullable(KERNELS.get(system));
    }

    private static boolean isSolaris10OrOlder(String release) {
        String[] parts = release.strip().split("\\.");
        try {
            int major = Integer.parseInt(parts[0]);
            int minor = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return major < 5 || major == 5 && minor <= 10;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
