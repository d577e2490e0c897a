package dev.crossbuild.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbuild.checks.CheckResults;
import dev.crossbuild.exec.HostEnvironment;
import dev.crossbuild.machine.Machine;
import dev.crossbuild.setup.CrossSetup;
import dev.crossbuild.setup.SetupRequest;
import dev.crossbuild.setup.ToolchainRequest;
import dev.crossbuild.toolchain.Finding;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportDataTest {

    @TempDir
    Path dir;

    private Path cross() {
        return dir.resolve("target/cross");
    }

    private Path surefire() {
        return dir.resolve("target/surefire-reports");
    }

    private void copy(String resource, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try (InputStream in = getClass().getResourceAsStream(resource)) {
            Files.copy(in, to);
        }
    }

    private ClassifierReport arm64() throws IOException {
        copy("setup-arm64.json", cross().resolve("linux-aarch_64/setup.json"));
        copy("outputs-arm64.json", cross().resolve("linux-aarch_64/outputs.json"));
        copy("TEST-cross.linux-aarch_64.hello.xml", surefire().resolve("TEST-cross.linux-aarch_64.hello.xml"));
        ReportData data = ReportData.read(cross(), surefire());
        assertEquals(1, data.classifiers().size());
        return data.classifiers().get(0);
    }

    @Test
    void noCrossDirectoryMeansNoData() throws IOException {
        ReportData data = ReportData.read(cross(), surefire());

        assertTrue(data.isEmpty());
    }

    @Test
    void foldersWithoutSetupOrOutputsAreNotClassifiers() throws IOException {
        Files.createDirectories(cross().resolve("linux-aarch_64/obj"));
        Files.writeString(cross().resolve("stray.txt"), "x");

        assertTrue(ReportData.read(cross(), surefire()).isEmpty());
    }

    @Test
    void machinesAndHowHostBinariesRun() throws IOException {
        SetupSummary setup = arm64().setup().orElseThrow();

        assertEquals("linux/x86_64 (x86_64, little)", setup.build().toString());
        assertEquals("aarch64", setup.host().cpuFamily());
        assertEquals("aarch64", setup.target().cpu());
        assertTrue(setup.crossBuild());
        assertTrue(setup.canRunHostBinaries());
        assertTrue(setup.needsExeWrapper());
        assertEquals(Optional.of(List.of("qemu-aarch64", "-L", "/usr/aarch64-linux-gnu")), setup.exeWrapper());
        assertEquals(List.of(), setup.warnings());
    }

    @Test
    void crossFilesInLayeredOrderWithTheSettingsEachWrote() throws IOException {
        SetupSummary setup = arm64().setup().orElseThrow();

        assertEquals(List.of("preset:linux-arm64.ini", "local.ini"), setup.crossFiles().stream().map(MachineFileLayer::name).toList());
        assertEquals(Optional.of("/project/local.ini"), setup.crossFiles().get(1).path());
        assertEquals(new MachineFileLayer.Setting("binaries", "exe_wrapper", "['qemu-aarch64', '-L', '/usr/aarch64-linux-gnu']", 22),
                setup.crossFiles().get(0).settings().get(1));
        assertEquals(new MachineFileLayer.Setting("properties", "needs_exe_wrapper", "true", 3),
                setup.crossFiles().get(1).settings().get(1));
        assertEquals(Map.of("pkg_config_libdir", "['/usr/lib/aarch64-linux-gnu/pkgconfig', '/usr/share/pkgconfig']"),
                setup.properties());
    }

    @Test
    void toolchainCompilersFirstThenTools() throws IOException {
        List<ToolSummary> tools = arm64().setup().orElseThrow().toolchain();

        assertEquals(List.of("c", "ar", "ranlib", "strip", "objcopy", "ld"), tools.stream().map(ToolSummary::name).toList());
        ToolSummary gcc = tools.get(0);
        assertEquals(List.of("/usr/bin/aarch64-linux-gnu-gcc"), gcc.argv());
        assertEquals("preset:linux-arm64.ini:14 [binaries] c", gcc.origin());
        assertEquals(Optional.of("gcc"), gcc.id());
        assertEquals(Optional.of("12.2.0"), gcc.version());
        assertEquals(Optional.of("aarch64-linux-gnu"), gcc.triple());
        assertTrue(gcc.isCompiler());
        assertFalse(tools.get(1).isCompiler());
    }

    @Test
    void doctorFindingsInOrder() throws IOException {
        var doctor = arm64().setup().orElseThrow().doctor().orElseThrow();

        assertTrue(doctor.ready());
        Finding first = doctor.findings().get(0);
        assertEquals("C compiler", first.subject());
        assertEquals(Finding.Status.OK, first.status());
        assertEquals("exe_wrapper", doctor.findings().get(doctor.findings().size() - 1).subject());
    }

    @Test
    void checksCarryTheirMacroAndPropertyNames() throws IOException {
        List<CheckRow> checks = arm64().setup().orElseThrow().checks();

        assertEquals(new CheckRow(CheckRow.Kind.SIZEOF, "long", Optional.of("8"), true, "SIZEOF_LONG", "cross.sizeof.long"), checks.get(0));
        assertEquals(new CheckRow(CheckRow.Kind.SIZEOF, "void*", Optional.of("8"), true, "SIZEOF_VOID_P", "cross.sizeof.void_p"), checks.get(1));
        assertEquals(new CheckRow(CheckRow.Kind.SIZEOF, "struct nope", Optional.empty(), false, "SIZEOF_STRUCT_NOPE",
                "cross.sizeof.struct_nope"), checks.get(2));
        assertEquals(new CheckRow(CheckRow.Kind.ALIGNMENT, "double", Optional.of("8"), true, "ALIGNOF_DOUBLE", "cross.alignment.double"), checks.get(3));
        assertEquals(new CheckRow(CheckRow.Kind.HEADER, "stdint.h", Optional.empty(), true, "HAVE_STDINT_H", "cross.has.header.stdint_h"), checks.get(4));
        assertEquals(new CheckRow(CheckRow.Kind.FUNCTION, "strlcpy", Optional.empty(), false, "HAVE_STRLCPY", "cross.has.function.strlcpy"), checks.get(6));
        assertEquals(new CheckRow(CheckRow.Kind.DEFINE, "__aarch64__", Optional.of("1"), true, "CROSS_DEFINE___aarch64__", "cross.define.__aarch64__"), checks.get(7));
        assertEquals(new CheckRow(CheckRow.Kind.DEFINE, "_WIN32", Optional.empty(), false, "CROSS_DEFINE__WIN32", "cross.has.define._WIN32"), checks.get(8));
    }

    /** The report must name checks exactly as setup names them in cross_config.h and in project properties. */
    @Test
    void checkNamesAgreeWithTheConfigHeaderAndTheProjectProperties() throws IOException {
        List<CheckRow> checks = arm64().setup().orElseThrow().checks();
        Map<String, Integer> sizeof = new LinkedHashMap<>(Map.of("long", 8, "void*", 8));
        CheckResults results = new CheckResults(sizeof, Map.of("double", 8), Map.of("stdint.h", true),
                Map.of("clock_gettime", true, "strlcpy", false), Map.of("__aarch64__", Optional.of("1"), "_WIN32", Optional.empty()), 0);
        String header = results.configHeader();
        Map<String, String> properties = results.projectProperties();

        for (CheckRow check : checks) {
            if (check.subject().equals("struct nope")) {
                continue;
            }
            assertTrue(header.contains(" " + check.macro() + " ") || header.contains(" " + check.macro() + "\n"),
                    check.macro() + " not in\n" + header);
            assertTrue(properties.containsKey(check.property()), check.property() + " not in " + properties.keySet());
        }
    }

    @Test
    void outputsWithWhatVerificationRead() throws IOException {
        List<OutputRow> outputs = arm64().outputs().orElseThrow();

        assertEquals(List.of("bin/hello-cli", "lib/libhello.so", "lib/libutil.a"), outputs.stream().map(OutputRow::file).toList());
        OutputRow library = outputs.get(1);
        assertEquals("shared_library", library.kind());
        assertEquals(67560, library.size());
        assertEquals("0b02d04a63fa24427a5a0213c849cb36ac1fd1c0df01595abc80bbb3c9b1ada0", library.sha256());
        assertTrue(library.stripped());
        assertEquals(Optional.of("debug/libhello.so.debug"), library.debugFile());
        OutputRow.BinaryFacts facts = library.binary();
        assertEquals("ELF", facts.format());
        assertEquals(Optional.of("EM_AARCH64"), facts.machine());
        assertEquals(Optional.of("aarch64"), facts.cpuFamily());
        assertEquals(Optional.of(64), facts.bits());
        assertEquals(Optional.of("little"), facts.endian());
        assertEquals(Optional.empty(), facts.floatAbi());
        assertEquals(Optional.of("libhello.so"), facts.soname());
        assertEquals(List.of("libc.so.6"), facts.needed());
        assertEquals(Optional.of("2.17"), facts.maxGlibc());
        assertTrue(facts.verified());
        assertEquals(Optional.of("linux/aarch64 (64-bit little-endian)"), facts.verifiedFor());
    }

    @Test
    void portabilityFindingsOfEachCheckedOutput() throws IOException {
        List<OutputRow> outputs = arm64().outputs().orElseThrow();

        OutputRow.Portability executable = outputs.get(0).portability().orElseThrow();
        assertEquals(Optional.of("2.17"), executable.maxGlibc());
        assertEquals(Optional.empty(), executable.maxGlibcxx());
        assertEquals(List.of(), executable.allowedLibraries());
        assertEquals(1, executable.problems().size());
        OutputRow.Problem problem = executable.problems().get(0);
        assertEquals("glibc", problem.check());
        assertEquals("__libc_start_main@GLIBC_2.34", problem.subject());
        assertTrue(problem.detail().startsWith("__libc_start_main@GLIBC_2.34 (libc.so.6) is newer than maxGlibc 2.17"),
                problem.detail());
        assertEquals(List.of(), problem.objects());
        assertTrue(problem.remedy().startsWith("Build against an older C library"), problem.remedy());
        assertEquals(List.of(), outputs.get(1).portability().orElseThrow().problems());
        assertEquals(Optional.empty(), outputs.get(2).portability(), "a static library is not checked");
    }

    @Test
    void staticArchivesHaveMembersInsteadOfAMachine() throws IOException {
        OutputRow.BinaryFacts archive = arm64().outputs().orElseThrow().get(2).binary();

        assertEquals("ar archive", archive.format());
        assertEquals(Optional.empty(), archive.machine());
        assertEquals(Optional.of(2), archive.members());
        assertEquals(List.of("ELF 64-bit little-endian AArch64 relocatable"), archive.memberKinds());
    }

    @Test
    void nativeTestResultsOfTheClassifier() throws IOException {
        copy("TEST-cross.linux-aarch_64.hello.xml", surefire().resolve("TEST-cross.linux-arm_32.hello.xml"));
        Files.writeString(surefire().resolve("TEST-dev.example.JavaTest.xml"), "<testsuite/>");

        List<TestSuiteResult> tests = arm64().tests();

        assertEquals(1, tests.size());
        TestSuiteResult suite = tests.get(0);
        assertEquals("cross.linux-aarch_64.hello", suite.name());
        assertEquals(List.of(3, 1, 0, 1, 1), List.of(suite.tests(), suite.failures(), suite.errors(), suite.skipped(), suite.passed()));
        assertEquals(new TestSuiteResult.TestCase("test_big", "cross.linux-aarch_64.hello", 0.01,
                TestSuiteResult.TestCase.Outcome.FAILED, Optional.of("exit 3")), suite.cases().get(1));
        assertEquals(TestSuiteResult.TestCase.Outcome.SKIPPED, suite.cases().get(2).outcome());
        assertEquals(Optional.of("exit 77"), suite.cases().get(2).message());
    }

    @Test
    void damagedFilesBecomeProblemsNotFailures() throws IOException {
        Files.createDirectories(cross().resolve("linux-riscv64"));
        Files.writeString(cross().resolve("linux-riscv64/setup.json"), "{\"build\": ");
        Files.writeString(cross().resolve("linux-riscv64/outputs.json"), "{\"outputs\": 3}");
        Files.createDirectories(surefire());
        Files.writeString(surefire().resolve("TEST-cross.linux-riscv64.t.xml"), "<!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><testsuite>&e;</testsuite>");

        ClassifierReport report = ReportData.read(cross(), surefire()).classifiers().get(0);

        assertEquals(Optional.empty(), report.setup());
        assertEquals(Optional.empty(), report.outputs());
        assertEquals(List.of(), report.tests());
        assertEquals(3, report.problems().size(), report.problems().toString());
        assertTrue(report.problems().get(0).startsWith(cross().resolve("linux-riscv64/setup.json") + " cannot be read: "), report.problems().get(0));
        assertEquals(cross().resolve("linux-riscv64/outputs.json") + " cannot be read: 'outputs' should be an array, found number",
                report.problems().get(1));
        assertTrue(report.problems().get(2).contains("DOCTYPE"), report.problems().get(2));
    }

    @Test
    void oneReportPerClassifierSortedByName() throws IOException {
        copy("setup-arm64.json", cross().resolve("linux-aarch_64/setup.json"));
        copy("outputs-arm64.json", cross().resolve("linux-arm_32/outputs.json"));

        ReportData data = ReportData.read(cross(), surefire());

        assertEquals(List.of("linux-aarch_64", "linux-arm_32"), data.classifiers().stream().map(ClassifierReport::classifier).toList());
        assertTrue(data.classifiers().get(0).outputs().isEmpty(), "native-link has not run for linux-aarch_64");
        assertTrue(data.classifiers().get(1).setup().isEmpty());
        assertEquals(List.of(), data.classifiers().get(1).problems());
    }

    /** End to end without a compiler: setup writes the layers, the report reads which file set what. */
    @Test
    void setupRecordsWhichLayeredFileSetEachKey() throws Exception {
        Files.writeString(dir.resolve("base.ini"), """
                [properties]
                who = 'base'
                only_in_base = 'yes'
                [host_machine]
                system = 'linux'
                cpu_family = 'riscv64'
                cpu = 'riscv64'
                endian = 'little'
                """);
        Files.writeString(dir.resolve("override.ini"), """
                [properties]
                who = 'override'
                answer = 42
                """);
        CrossSetup setup = new CrossSetup(HostEnvironment.of(Map.of("HOME", dir.toString(), "XDG_DATA_HOME", dir.resolve("xdg").toString()),
                Map.of("os.name", "Linux", "os.arch", "amd64", "sun.cpu.endian", "little", "user.home", dir.toString()), dir));
        setup.run(new SetupRequest(List.of("base.ini", "override.ini"), List.of(), List.of(dir), cross(), Optional.empty(),
                Optional.of(dir), ToolchainRequest.none()));

        SetupSummary summary = ReportData.read(cross(), surefire()).classifiers().get(0).setup().orElseThrow();

        assertEquals(Machine.of("linux", "riscv64", "riscv64", dev.crossbuild.machine.Endian.LITTLE).cpuFamily(), summary.host().cpuFamily());
        List<MachineFileLayer> layers = summary.crossFiles();
        assertEquals(2, layers.size());
        assertEquals(List.of("properties only_in_base = yes", "host_machine system = linux", "host_machine cpu_family = riscv64",
                "host_machine cpu = riscv64", "host_machine endian = little"), describe(layers.get(0)));
        assertEquals(List.of("properties who = override", "properties answer = 42"), describe(layers.get(1)));
        assertEquals(Optional.of(dir.resolve("override.ini").toString()), layers.get(1).path());
        assertEquals(3, layers.get(1).settings().get(1).line());
        assertEquals(List.of(), summary.nativeFiles());
        assertEquals(List.of(), summary.toolchain());
        assertEquals(Optional.empty(), summary.doctor());
    }

    private static List<String> describe(MachineFileLayer layer) {
        return layer.settings().stream().map(s -> s.section() + " " + s.key() + " = " + s.value()).toList();
    }
}
