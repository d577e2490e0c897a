package dev.crossbuild.toolchain;

import dev.crossbuild.crossfile.CrossEnvironment;
import dev.crossbuild.exec.ProgramFinder;
import dev.crossbuild.machine.Aliases;
import dev.crossbuild.machine.Endian;
import dev.crossbuild.machine.Machine;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Whether host programs (native tests) can run here: not needed when the build machine runs them itself
 * ({@link CrossEnvironment#needsExeWrapper()}); else {@code [binaries] exe_wrapper} must name a program on PATH
 * ({@code qemu-aarch64 -L /usr/aarch64-linux-gnu}; {@code env WINEDEBUG=-all wine}: the program after {@code env}'s
 * assignments is the one checked). Only tests need it, so its absence does not block the build.
 */
final class ExeWrapperCheck {

    static final String ID = "exe-wrapper";
    private static final String SUBJECT = "exe_wrapper";
    private static final String KEY = "exe_wrapper";

    /** qemu-user's program suffix for each CPU family (and byte order, where qemu names it). */
    private static final Map<String, String> QEMU = Map.ofEntries(
            Map.entry("x86_64", "x86_64"), Map.entry("x86", "i386"), Map.entry("aarch64", "aarch64"),
            Map.entry("arm", "arm"), Map.entry("riscv64", "riscv64"), Map.entry("riscv32", "riscv32"),
            Map.entry("ppc", "ppc"), Map.entry("s390x", "s390x"), Map.entry("loongarch64", "loongarch64"),
            Map.entry("sparc64", "sparc64"), Map.entry("sparc", "sparc"), Map.entry("m68k", "m68k"),
            Map.entry("alpha", "alpha"), Map.entry("sh4", "sh4"), Map.entry("parisc", "hppa"));

    private ExeWrapperCheck() {
    }

    static Finding check(CrossEnvironment environment, MachineSetup setup, ProgramFinder finder) {
        Machine host = setup.machine();
        Machine build = setup.buildMachine();
        Optional<List<String>> wrapper = setup.binaries().exeWrapper();
        DebianPackages packages = DebianPackages.forMachine(host, build);
        if (!environment.needsExeWrapper()) {
            return Finding.ok(ID, SUBJECT, "not needed: this " + platform(build) + " machine runs " + platform(host)
                    + " programs itself" + wrapper.map(w -> " (" + String.join(" ", w) + " is not used)").orElse(""));
        }
        String file = setup.fileToEdit("binaries", KEY);
        if (wrapper.isEmpty()) {
            Optional<List<String>> suggested = suggestion(host, build);
            String remedy = suggested.map(s -> "set exe_wrapper = " + literal(s) + " in [binaries] of " + file
                    + packages.forProgram(programOf(s)).map(p -> " (" + DebianPackages.install(List.of(p)) + ")")
                            .orElse(""))
                    .orElse(noSuggestion(host, build) + "set exe_wrapper in [binaries] of " + file + " to a program "
                            + "that runs " + platform(host) + " programs here");
            return Finding.warning(ID, SUBJECT, platform(host) + " programs cannot run on this " + platform(build)
                    + " machine and [binaries] exe_wrapper is not set: native tests will be skipped",
                    Optional.of(remedy));
        }
        List<String> argv = wrapper.get();
        String program = programOf(argv);
        Optional<Path> found = finder.find(program);
        String origin = setup.binaryOrigin(KEY);
        if (found.isPresent()) {
            return Finding.ok(ID, SUBJECT, String.join(" ", argv) + " (" + found.get() + ")");
        }
        String correct = "correct [binaries] exe_wrapper at " + file;
        String remedy = packages.forProgram(program).map(p -> DebianPackages.install(List.of(p)) + ", or " + correct)
                .orElse("install " + program + " or " + correct);
        return Finding.missing(ID, SUBJECT, program + " (" + origin + ") was not found on PATH; native tests cannot "
                + "run", Optional.of(remedy)).notBlocking();
    }

    /** The program a wrapper runs: argv[0], or for {@code env [-opts] [NAME=value...] program} the program. */
    static String programOf(List<String> argv) {
        if (!Launchers.baseName(argv.get(0)).equals("env")) {
            return argv.get(0);
        }
        for (String arg : argv.subList(1, argv.size())) {
            if (!arg.startsWith("-") && !arg.contains("=")) {
                return arg;
            }
        }
        return argv.get(0);
    }

    /**
     * What this project's presets use: qemu-user with the cross libc as prefix, or Wine without its chatter, for
     * Windows programs of the build machine's own CPU (Wine runs programs, it emulates no CPU: on x86_64 it runs
     * x86_64 and x86 ones, never windows/aarch64 ones).
     */
    static Optional<List<String>> suggestion(Machine host, Machine build) {
        if (host.system().equals("windows")) {
            return wineRuns(host, build) ? Optional.of(List.of("env", "WINEDEBUG=-all", "wine")) : Optional.empty();
        }
        if (!host.system().equals("linux")) {
            return Optional.empty();
        }
        Optional<String> qemu = qemuName(host);
        Optional<String> triplet = Aliases.gnuTriplet(host);
        if (qemu.isEmpty() || triplet.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(List.of("qemu-" + qemu.get(), "-L", "/usr/" + triplet.get()));
    }

    /** Whether Wine on the build machine runs the host's Windows programs: the same CPU family, or x86 on x86_64. */
    static boolean wineRuns(Machine host, Machine build) {
        return host.cpuFamily().equals(build.cpuFamily())
                || (host.cpuFamily().equals("x86") && build.cpuFamily().equals("x86_64"));
    }

    /**
     * Why no wrapper is suggested, when the obvious one cannot do it ({@code Wine runs only ...; }), else nothing: the
     * start of the remedy.
     */
    static String noSuggestion(Machine host, Machine build) {
        if (host.system().equals("windows") && !wineRuns(host, build)) {
            return "Wine runs only Windows programs for this machine's CPU (" + build.cpuFamily()
                    + (build.cpuFamily().equals("x86_64") ? " and x86" : "") + "), not " + platform(host)
                    + " ones: run the native tests on a " + platform(host) + " machine, or ";
        }
        return "";
    }

    private static Optional<String> qemuName(Machine host) {
        boolean little = host.endian() == Endian.LITTLE;
        return switch (host.cpuFamily()) {
            case "ppc64" -> Optional.of(little ? "ppc64le" : "ppc64");
            case "mips64" -> Optional.of(little ? "mips64el" : "mips64");
            case "mips" -> Optional.of(little ? "mipsel" : "mips");
            case "aarch64" -> Optional.of(little ? "aarch64" : "aarch64_be");
            case "arm" -> Optional.of(little ? "arm" : "armeb");
            default -> Optional.ofNullable(QEMU.get(host.cpuFamily()));
        };
    }

    private static String literal(List<String> argv) {
        return "[" + String.join(", ", argv.stream().map(a -> "'" + a + "'").toList()) + "]";
    }

    private static String platform(Machine machine) {
        return TargetMatch.platform(machine);
    }
}
