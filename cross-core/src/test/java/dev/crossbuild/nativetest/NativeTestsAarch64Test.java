package dev.crossbuild.nativetest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbuild.exec.HostEnvironment;
import dev.crossbuild.exec.ProcessRunner;
import dev.crossbuild.nativebuild.BuildLayout;
import dev.crossbuild.nativebuild.BuildListener;
import dev.crossbuild.nativebuild.CompileRequest;
import dev.crossbuild.nativebuild.LinkRequest;
import dev.crossbuild.nativebuild.NativeCompiler;
import dev.crossbuild.nativebuild.NativeLinker;
import dev.crossbuild.nativebuild.NativeTarget;
import dev.crossbuild.nativebuild.SetupState;
import dev.crossbuild.nativebuild.TargetKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Element;

/** Real builds with the Debian aarch64 cross toolchain, the tests run under qemu-aarch64. */
class NativeTestsAarch64Test {

    private static final String TRIPLE = "aarch64-linux-gnu";

    @TempDir
    Path module;

    private BuildLayout layout;
    private SetupState setup;
    private NativeTarget mix;
    private NativeTarget util;
    private final List<String> log = Collections.synchronizedList(new ArrayList<>());
    private final BuildListener listener = new BuildListener() {
        @Override
        public void info(String line) {
            log.add(line);
        }

        @Override
        public void warn(String line) {
            log.add("WARN " + line);
        }
    };

    private void write(String relative, String text) throws Exception {
        Path file = module.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    @BeforeEach
    void module() throws Exception {
        Path qemu = Setups.require("qemu-aarch64");
        setup = Setups.real(Setups.ARM64, TRIPLE, true,
                Map.of("exe_wrapper", List.of(qemu.getFileName().toString(), "-L", "/usr/" + TRIPLE)));
        layout = new BuildLayout(module.resolve("target/cross/linux-aarch_64"));
        write("src/main/include/mix.h", "int mix(int a, int b);\nint twice(int a);\n");
        write("src/main/c/mix.c", "#include \"mix.h\"\nint mix(int a, int b) { return a * 10 + b; }\n");
        write("src/util/twice.c", "int twice(int a) { return 2 * a; }\n");
        write("src/test/c/test_mix.c", "#include <stdio.h>\n#include \"mix.h\"\n#include \"support/check.h\"\n"
                + "int main(void) { CHECK(mix(4, 2) == 42); CHECK(twice(21) == 42); puts(\"mix ok\"); return 0; }\n");
        write("src/test/c/test_skip.c", "#include <stdio.h>\nint main(void) { puts(\"no data here\"); return 77; }\n");
        write("src/test/cpp/test_arch.cpp", "#include <iostream>\n#include <sys/utsname.h>\n#include <string>\n"
                + "int main() { utsname u; uname(&u); std::cout << u.machine << std::endl;\n"
                + "  return std::string(u.machine) == \"aarch64\" ? 0 : 1; }\n");
        write("src/test/c/support/check.h", "#include <stdio.h>\n#include <stdlib.h>\n"
                + "#define CHECK(x) do { if (!(x)) { check_failed(#x); } } while (0)\nvoid check_failed(const char *);\n");
        write("src/test/c/support/check.c", "#include \"check.h\"\n"
                + "void check_failed(const char *what) { printf(\"check failed: %s\\n\", what); exit(3); }\n");
        mix = NativeTarget.builder("mix", TargetKind.SHARED_LIBRARY)
                .sourceDirectories(List.of(module.resolve("src/main/c")))
                .includeDirectories(List.of(module.resolve("src/main/include"))).build();
        util = NativeTarget.of("util", TargetKind.STATIC_LIBRARY, List.of(module.resolve("src/util")));
        buildModule();
    }

    /** What compile and native-link do before the test goal. */
    private void buildModule() throws Exception {
        List<NativeTarget> targets = List.of(mix, util);
        new NativeCompiler(ProcessRunner.system(), BuildListener.silent()).compile(new CompileRequest(layout, setup,
                targets, List.of(), Optional.empty(), 2, module));
        new NativeLinker(ProcessRunner.system(), BuildListener.silent()).link(new LinkRequest(layout, setup, targets,
                true));
    }

    private TestRequest request(List<NativeTarget> programs, boolean run, Duration timeout) {
        return definitions(programs.stream().map(TestDefinition::of).toList(), run, timeout);
    }

    private TestRequest definitions(List<TestDefinition> tests, boolean run, Duration timeout) {
        return new TestRequest(layout, setup, List.of(mix, util), tests, List.of(), 2, timeout, module,
                module.resolve("target/surefire-reports"), run);
    }

    private TestSummary run(boolean run) throws Exception {
        List<NativeTarget> programs = TestPrograms.discover(List.of(module.resolve("src/test/c"),
                module.resolve("src/test/cpp")));
        return new NativeTests(ProcessRunner.system(), HostEnvironment.system(), listener)
                .run(request(programs, run, Duration.ofSeconds(60)));
    }

    private List<String> statuses(TestSummary summary) {
        return summary.outcomes().stream().map(o -> o.name() + "=" + o.status()).toList();
    }

    @Test
    void testsBuildAgainstTheModuleLibrariesAndRunUnderQemu() throws Exception {
        TestSummary summary = run(true);

        assertEquals(List.of("test_arch=PASSED", "test_mix=PASSED", "test_skip=SKIPPED"), statuses(summary));
        assertEquals("Tests run: 3, Failures: 0, Errors: 0, Skipped: 1", summary.line());
        assertEquals("aarch64\n", summary.outcomes().get(0).stdout());
        assertEquals("mix ok\n", summary.outcomes().get(1).stdout());
        assertTrue(log.contains("Running 3 native tests through " + Setups.require("qemu-aarch64") + " -L /usr/"
                + TRIPLE + " (2 at a time)"), log.toString());
        assertTrue(log.stream().anyMatch(l -> l.matches("PASS test_mix \\(\\d+\\.\\d\\d s\\)")), log.toString());
        assertTrue(log.contains("SKIP test_skip"), log.toString());
        assertEquals("Tests run: 3, Failures: 0, Errors: 0, Skipped: 1", log.get(log.size() - 1));
        // The programs are in test/bin, their objects in test/obj, the module's outputs untouched.
        assertTrue(Files.isRegularFile(layout.root().resolve("test/bin/test_mix")));
        assertTrue(Files.isRegularFile(layout.root().resolve("test/obj/executable/test_mix/support/check.c.o")));
        assertTrue(Files.isRegularFile(layout.root().resolve("test/obj/executable/test_arch/support/check.c.o")));
        assertFalse(Files.exists(layout.root().resolve("test/lib")));

        Path report = module.resolve("target/surefire-reports/TEST-cross.test-classifier.test_skip.xml");
        Element suite = SurefireReportTest.parse(Files.readString(report));
        assertEquals("1", suite.getAttribute("skipped"));
        assertEquals("no data here\n", suite.getElementsByTagName("system-out").item(0).getTextContent());
        try (var reports = Files.list(module.resolve("target/surefire-reports"))) {
            assertEquals(3, reports.count());
        }
    }

    @Test
    void aSecondRunRebuildsNothingAndAChangedLibraryRelinksTheTests() throws Exception {
        run(true);
        log.clear();
        run(true);
        assertTrue(log.contains("compiled 0 of 6 sources (6 up to date)"), log.toString());
        assertTrue(log.contains("linked 0 of 3 outputs (3 up to date)"), log.toString());

        write("src/util/twice.c", "int twice(int a) { return 2 * a + 1; }\n");
        buildModule();
        log.clear();
        TestSummary summary = run(true);
        assertTrue(log.contains("linked 3 of 3 outputs (0 up to date)"), log.toString());
        assertEquals(List.of("test_arch=PASSED", "test_mix=FAILED", "test_skip=SKIPPED"), statuses(summary));
        assertTrue(log.contains("WARN FAIL test_mix (exit 3)"), log.toString());
        assertTrue(log.contains("WARN check failed: twice(21) == 42"), log.toString());
        assertEquals(Optional.of("1 native test failed: test_mix"), summary.failureMessage());
    }

    @Test
    void theLibraryIsFoundThroughTheRpathToo() throws Exception {
        run(false);
        String output = Setups.require("qemu-aarch64") + "";
        ProcessBuilder builder = new ProcessBuilder(output, "-L", "/usr/" + TRIPLE,
                layout.root().resolve("test/bin/test_mix").toString()).redirectErrorStream(true);
        builder.environment().remove("LD_LIBRARY_PATH");
        Process process = builder.start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), text);
        assertEquals("mix ok\n", text);
    }

    @Test
    void skipTestsBuildsTheProgramsWithoutRunningThem() throws Exception {
        TestSummary summary = run(false);
        assertEquals(List.of(), summary.outcomes());
        assertTrue(Files.isRegularFile(layout.root().resolve("test/bin/test_skip")));
        assertEquals("Native tests are built, not run (skipTests)", log.get(log.size() - 1));
        assertFalse(Files.exists(module.resolve("target/surefire-reports")));
    }

    @Test
    void withoutAnExeWrapperTheTestsAreBuiltAndReportedNotRun() throws Exception {
        setup = Setups.real(Setups.ARM64, TRIPLE, true, Map.of());
        TestSummary summary = run(true);
        assertEquals(List.of("test_arch=NOT_RUN", "test_mix=NOT_RUN", "test_skip=NOT_RUN"), statuses(summary));
        assertEquals("Tests run: 3, Failures: 0, Errors: 0, Skipped: 3", summary.line());
        assertTrue(log.contains("WARN Not running 3 native tests: linux/aarch64 programs cannot run on this "
                + "linux/x86_64 machine, and the cross file sets no [binaries] exe_wrapper. To run them, add "
                + "exe_wrapper = ['qemu-aarch64', '-L', '/usr/aarch64-linux-gnu'] to [binaries] of the cross file "
                + "(sudo apt-get install qemu-user)."), log.toString());
        assertTrue(log.contains("NOT RUN test_mix"), log.toString());
        assertEquals(Optional.of("The native tests were built but not run: linux/aarch64 programs cannot run on this "
                + "linux/x86_64 machine, and the cross file sets no [binaries] exe_wrapper. To run them, add "
                + "exe_wrapper = ['qemu-aarch64', '-L', '/usr/aarch64-linux-gnu'] to [binaries] of the cross file "
                + "(sudo apt-get install qemu-user)."), summary.notRunMessage());
        assertTrue(Files.isRegularFile(layout.root().resolve("test/bin/test_mix")));
        Element suite = SurefireReportTest.parse(Files.readString(
                module.resolve("target/surefire-reports/TEST-cross.test-classifier.test_mix.xml")));
        assertEquals("1", suite.getAttribute("skipped"));
    }

    @Test
    void aTestThatHangsIsKilledAfterItsTimeout() throws Exception {
        write("src/hang/test_hang.c", "int main(void) { for (;;) { } }\n");
        NativeTarget hang = NativeTarget.of("test_hang", TargetKind.EXECUTABLE, List.of(module.resolve("src/hang")));
        long start = System.nanoTime();
        TestSummary summary = new NativeTests(ProcessRunner.system(), HostEnvironment.system(), listener)
                .run(request(List.of(hang), true, Duration.ofSeconds(2)));
        assertEquals(List.of("test_hang=FAILED"), statuses(summary));
        assertEquals("FAIL test_hang (timed out after 2 s)", summary.outcomes().get(0).line());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(30).toNanos());
    }

    @Test
    void aLibraryThatNativeLinkDidNotLinkIsReportedBeforeBuilding() throws Exception {
        Files.delete(layout.lib().resolve("libmix.so"));
        NativeTestException e = assertThrows(NativeTestException.class, () -> run(true));
        assertEquals("The test programs link the library 'mix', but lib/libmix.so is missing in " + layout.root()
                + ": the native-link goal links it (phase process-classes); run the build through the test phase (mvn "
                + "test), or add cross:native-link before cross:test.", e.getMessage());
    }

    @Test
    void aTestRunsAProjectExecutableWithArgumentsEnvironmentInItsWorkingDirectory() throws Exception {
        write("src/tool/calc.c", "#include <stdio.h>\n#include <stdlib.h>\n"
                + "int main(int argc, char **argv) { FILE *f = fopen(argv[1], \"r\"); char line[64];\n"
                + "  if (!f || !fgets(line, sizeof line, f)) { return 2; }\n"
                + "  printf(\"%s %s %s\", getenv(\"GREETING\"), argv[2], line); return 0; }\n");
        write("src/test/data/input.txt", "from the fixture\n");
        NativeTarget calc = NativeTarget.of("calc", TargetKind.EXECUTABLE, List.of(module.resolve("src/tool")));
        new NativeCompiler(ProcessRunner.system(), BuildListener.silent()).compile(new CompileRequest(layout, setup,
                List.of(calc), List.of(), Optional.empty(), 2, module));
        new NativeLinker(ProcessRunner.system(), BuildListener.silent()).link(new LinkRequest(layout, setup,
                List.of(calc), true));
        TestDefinition test = TestDefinition.builder("script", new TestDefinition.ProjectExecutable("calc"))
                .args(List.of("input.txt", "two words")).environment(Map.of("GREETING", "hello"))
                .workingDirectory(Optional.of(module.resolve("src/test/data"))).build();

        TestSummary summary = new NativeTests(ProcessRunner.system(), HostEnvironment.system(), listener)
                .run(new TestRequest(layout, setup, List.of(mix, util, calc), List.of(test), List.of(), 2,
                        Duration.ofSeconds(60), module, module.resolve("target/surefire-reports"), true));

        assertEquals(List.of("script=PASSED"), statuses(summary));
        assertEquals("hello two words from the fixture\n", summary.outcomes().get(0).stdout());
        assertFalse(Files.exists(layout.root().resolve("test/bin")), "nothing is built for it");
        assertTrue(Files.readString(module.resolve("target/surefire-reports/TEST-cross.test-classifier.script.xml"))
                .contains("<property name=\"env.GREETING\" value=\"hello\"/>"));

        NativeTestException missing = assertThrows(NativeTestException.class, () -> new NativeTests(
                ProcessRunner.system(), HostEnvironment.system(), listener).run(new TestRequest(layout, setup,
                        List.of(mix, util), List.of(test), List.of(), 2, Duration.ofSeconds(60), module,
                        module.resolve("target/surefire-reports"), true)));
        assertEquals("Test 'script' runs <executable>calc</executable>, but the module builds no such executable (it "
                + "has no <executables>). Name one of them, or give the test <sourceDirectories> to build a test "
                + "program.", missing.getMessage());
    }

    @Test
    void eachTestRunsInAFreshFolderOfItsOwn() throws Exception {
        String writer = "#include <stdio.h>\n#include <unistd.h>\n"
                + "int main(void) { char cwd[4096]; FILE *f = fopen(\"foo.gz\", \"r\");\n"
                + "  if (f) { puts(\"stale foo.gz\"); return 1; }\n"
                + "  f = fopen(\"foo.gz\", \"w\"); fputs(\"x\", f); fclose(f);\n"
                + "  puts(getcwd(cwd, sizeof cwd)); return 0; }\n";
        write("src/w1/w1.c", writer);
        write("src/w2/w2.c", writer);
        List<TestDefinition> tests = List.of(
                TestDefinition.of(NativeTarget.of("w1", TargetKind.EXECUTABLE, List.of(module.resolve("src/w1")))),
                TestDefinition.of(NativeTarget.of("w2", TargetKind.EXECUTABLE, List.of(module.resolve("src/w2")))));
        for (int run = 0; run < 2; run++) {
            TestSummary summary = new NativeTests(ProcessRunner.system(), HostEnvironment.system(), listener)
                    .run(definitions(tests, true, Duration.ofSeconds(60)));
            assertEquals(List.of("w1=PASSED", "w2=PASSED"), statuses(summary), log.toString());
            assertEquals(NativeTests.runDirectory(layout, "w1") + "\n", summary.outcomes().get(0).stdout());
            assertEquals(NativeTests.runDirectory(layout, "w2") + "\n", summary.outcomes().get(1).stdout());
        }
        assertEquals(layout.root().resolve("test/run/w1"), NativeTests.runDirectory(layout, "w1"));
        assertFalse(Files.exists(module.resolve("foo.gz")));
    }

    @Test
    void aTapProgramReportsACasePerLine() throws Exception {
        write("src/tap/tap.c", "#include <stdio.h>\nint main(void) { puts(\"1..3\"); puts(\"ok 1 - adds\");\n"
                + "  puts(\"ok 2 - # SKIP not on aarch64\"); puts(\"ok 3 - subtracts\"); return 0; }\n");
        TestDefinition tap = TestDefinition.builder("tap", new TestDefinition.Compiled(NativeTarget.of("tap",
                TargetKind.EXECUTABLE, List.of(module.resolve("src/tap"))))).protocol(TestProtocol.TAP).build();
        TestSummary summary = new NativeTests(ProcessRunner.system(), HostEnvironment.system(), listener)
                .run(definitions(List.of(tap), true, Duration.ofSeconds(60)));
        assertEquals("Tests run: 3, Failures: 0, Errors: 0, Skipped: 1", summary.line());
        assertTrue(log.stream().anyMatch(l -> l.matches("PASS tap \\(\\d+\\.\\d\\d s; 3 tests, 1 skipped\\)")),
                log.toString());
        Element suite = SurefireReportTest.parse(Files.readString(
                module.resolve("target/surefire-reports/TEST-cross.test-classifier.tap.xml")));
        assertEquals("3", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("skipped"));
        assertEquals(3, suite.getElementsByTagName("testcase").getLength());
    }
}
