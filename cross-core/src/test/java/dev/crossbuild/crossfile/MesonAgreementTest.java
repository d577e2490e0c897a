package dev.crossbuild.crossfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.crossbuild.exec.Command;
import dev.crossbuild.exec.HostEnvironment;
import dev.crossbuild.exec.ProcessResult;
import dev.crossbuild.exec.ProcessRunner;
import dev.crossbuild.machine.BuildMachineDetector;
import dev.crossbuild.machine.Machine;
import dev.crossbuild.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test against the real Meson on this machine: every fixture file (and the layered orders of
 * EXPECTED.md) is read by our reader and by {@code meson setup} on a probe project without languages. Both must
 * accept or both reject, and when both accept, the three machines, is_cross_build and can_run_host_binaries must be
 * equal. Where we deliberately differ from Debian's Meson 1.0.1 the file is listed in {@link #DIFFERENCES} with the
 * reason (we follow Meson HEAD, or are stricter where Meson crashes or accepts nonsense).
 * <p>
 * Needs {@code meson} on PATH ({@code scripts/install-toolchains.sh} installs it; CI always has it).
 */
class MesonAgreementTest {

    /** File (or layered order) -> why our outcome may differ from Meson 1.0.1. */
    static final Map<String, String> DIFFERENCES = Map.ofEntries(
            Map.entry("empirical/syntax/e24_int_in_host_machine.txt", "stricter: machine values must be strings (HEAD crashes)"),
            Map.entry("empirical/syntax/e25_array_with_int.txt", "stricter: arrays hold strings only (HEAD crashes)"),
            Map.entry("empirical/syntax/e26_array_with_bool.txt", "stricter: arrays hold strings only (HEAD crashes)"),
            Map.entry("empirical/syntax/e46_nested_array.txt", "stricter: arrays hold strings only (HEAD crashes)"),
            Map.entry("empirical/syntax/e29_tilde.txt", "HEAD (>= 1.11) accepts ~; 1.0.1 does not"),
            Map.entry("empirical/syntax/e35_fstring.txt", "HEAD accepts f-strings as plain strings; 1.0.1 does not"),
            Map.entry("empirical/semantics/s16_default_section.txt", "stricter: [DEFAULT] is rejected (Meson leaks its keys into every section)"),
            Map.entry("empirical/semantics/s18_pkgconfig_old_name.txt", "HEAD: mismatched pkgconfig and pkg-config is an error"),
            Map.entry("empirical/semantics/s21_endian_big.txt", "stricter: endian other than little/big is an error"),
            Map.entry("empirical/misc/needs_exe_wrapper_string.txt", "stricter: needs_exe_wrapper must be a boolean (HEAD crashes)"),
            Map.entry("empirical/misc/x86_64_sub.txt", "HEAD: a host subsystem differing from the build's means cannot run"),
            Map.entry("empirical/syntax/e19_missing_cpu_extra_key.txt", "1.0.1 crashes (exit 2); we give the clean error HEAD gives"),
            Map.entry("empirical/syntax/e27_sub_in_section_name.txt", "1.0.1 crashes; we give HEAD's clean error"),
            Map.entry("empirical/syntax/e28_subproject_key_in_builtin.txt", "1.0.1 errors only when options are applied to a project with languages"),
            Map.entry("empirical/layering/default.txt", "stricter: [DEFAULT] is rejected"),
            Map.entry("empirical/syntax/e30_dirname.txt", "HEAD (>= 1.3) replaces @DIRNAME@; machines agree, values differ"));

    private static final String PROBE = """
            project('probe')
            foreach m : [['build', build_machine], ['host', host_machine], ['target', target_machine]]
              message('RESULT ' + m[0] + '=' + m[1].system() + '|' + m[1].cpu_family() + '|' + m[1].cpu() + '|' + m[1].endian())
            endforeach
            message('RESULT flags=' + meson.is_cross_build().to_string() + '|' + meson.can_run_host_binaries().to_string())
            """;

    @TempDir
    static Path work;

    private static final ProcessRunner RUNNER = ProcessRunner.system();
    private static final Machine BUILD = BuildMachineDetector.detect(HostEnvironment.system());

    @BeforeAll
    static void probeProject() throws IOException {
        Files.writeString(work.resolve("meson.build"), PROBE);
    }

    @TestFactory
    Stream<DynamicTest> ourReaderAgreesWithMesonOnEveryFixture() throws IOException {
        assumeTrue(mesonAvailable(), "meson is not installed; run scripts/install-toolchains.sh");
        Path root = Fixtures.mesonCross();
        List<List<Path>> cases = new ArrayList<>();
        for (String folder : List.of("", "empirical/syntax", "empirical/semantics", "empirical/misc", "empirical/layering")) {
            try (Stream<Path> files = Files.list(root.resolve(folder))) {
                files.filter(f -> f.toString().endsWith(".txt")).sorted().forEach(f -> cases.add(List.of(f)));
            }
        }
        Path layering = root.resolve("empirical/layering");
        for (String order : List.of("base override", "override base", "arch-aarch64 generic", "arch-arm generic",
                "generic arch-arm", "base file1 file2", "base file2b file1b", "base file1b file2b")) {
            cases.add(Stream.of(order.split(" ")).map(n -> layering.resolve(n + ".txt")).toList());
        }
        return cases.stream().map(files -> DynamicTest.dynamicTest(label(root, files), () -> compare(root, files)));
    }

    private static String label(Path root, List<Path> files) {
        return files.stream().map(f -> root.relativize(f).toString()).collect(Collectors.joining(" + "));
    }

    private void compare(Path root, List<Path> files) throws Exception {
        String label = label(root, files);
        String ours = ours(files);
        String meson = meson(files);
        if (DIFFERENCES.containsKey(label)) {
            return;
        }
        assertEquals(meson, ours, label);
    }

    private static String ours(List<Path> files) {
        try {
            List<MachineFileSource> sources = new ArrayList<>();
            for (Path file : files) {
                sources.add(MachineFileSource.read(file));
            }
            CrossEnvironment environment = CrossEnvironment.load(sources, List.of(), BUILD,
                    new MachineFileContext(Optional.empty(), Optional.of(Path.of(System.getProperty("user.home")))));
            var machines = environment.machines();
            return "build=" + describe(machines.build()) + "\nhost=" + describe(machines.host())
                    + "\ntarget=" + describe(machines.target())
                    + "\nflags=" + environment.isCrossBuild() + "|" + environment.canRunHostBinaries();
        } catch (CrossFileException e) {
            return "rejected";
        }
    }

    private static String describe(Machine m) {
        return m.system() + "|" + m.cpuFamily() + "|" + m.cpu() + "|" + m.endian().mesonName();
    }

    private static String meson(List<Path> files) throws IOException {
        Path build = Files.createTempDirectory(work, "b");
        List<String> argv = new ArrayList<>(List.of("meson", "setup"));
        for (Path file : files) {
            argv.add("--cross-file");
            argv.add(file.toString());
        }
        argv.add(build.toString());
        argv.add(work.toString());
        ProcessResult result = RUNNER.run(new Command(argv, Optional.of(work), Map.of(), Duration.ofSeconds(60)));
        if (result.exitCode() != 0) {
            return "rejected";
        }
        return result.stdout().lines()
                .filter(l -> l.startsWith("Message: RESULT "))
                .map(l -> l.substring("Message: RESULT ".length()))
                .collect(Collectors.joining("\n"));
    }

    private static boolean mesonAvailable() {
        try {
            return RUNNER.run(new Command(List.of("meson", "--version"), Optional.empty(), Map.of(), Duration.ofSeconds(30)))
                    .exitCode() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
