package dev.crossbuild.nativebuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.crossbuild.machine.Endian;
import dev.crossbuild.machine.Machine;
import dev.crossbuild.machine.MachineRole;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GeneratorPlannerTest {

    private static final Machine LINUX = Machine.of("linux", "x86_64", "x86_64", Endian.LITTLE);
    private static final Machine WINDOWS = Machine.of("windows", "x86_64", "x86_64", Endian.LITTLE);
    private static final Path PROJECT = Path.of("/work/app");
    private static final BuildLayout LAYOUT = new BuildLayout(PROJECT.resolve("target/cross/linux-aarch_64"));
    private static final Path WORK = LAYOUT.root().resolve("generated/.tmp/demo-1");

    private static NativeTarget tool(String name) {
        return NativeTarget.builder(name, TargetKind.EXECUTABLE)
                .sourceDirectories(List.of(PROJECT.resolve("src/build/" + name))).machine(MachineRole.BUILD).build();
    }

    private static NativeTarget library(Generator... generators) {
        return NativeTarget.of("demo", TargetKind.SHARED_LIBRARY, List.of(PROJECT.resolve("src/main/c")))
                .withGenerators(List.of(generators));
    }

    private static List<GeneratorStep> plan(Machine build, NativeTarget... targets) throws GeneratorException {
        return GeneratorPlanner.plan(LAYOUT, build, List.of(targets), PROJECT);
    }

    private static String failure(NativeTarget... targets) {
        return assertThrows(GeneratorException.class, () -> plan(LINUX, targets)).getMessage();
    }

    @Test
    void placeholdersAreReplacedInsideEachArgumentAndTheToolIsTheBuildMachinesExecutable() throws Exception {
        Generator generator = Generator.of("gen-table", List.of("--out", "@OUTPUT_DIR@/table.c", "-o@OUTPUT0@",
                "@OUTDIR@", "--root=@CURRENT_SOURCE_DIR@", "--size", "16"), List.of("table.c"));

        GeneratorStep step = plan(LINUX, tool("gen-table"), library(generator)).get(0);

        Path program = LAYOUT.root().resolve("build-machine/bin/gen-table");
        assertEquals(List.of(program.toString(), "--out", WORK + "/table.c", "-o" + WORK.resolve("table.c"),
                WORK.toString(), "--root=" + PROJECT, "--size", "16"), step.argv());
        assertEquals(program, step.program());
        assertEquals(LAYOUT.root().resolve("generated/demo"), step.outputDirectory());
        assertEquals(List.of(LAYOUT.root().resolve("generated/demo/table.c")), step.outputs());
        assertEquals(List.of(WORK.resolve("table.c")), step.workOutputs());
        assertEquals(PROJECT, step.workingDirectory());
        assertEquals(List.of(program), step.recordedInputs());
    }

    @Test
    void aBareOutputOrInputPlaceholderBecomesOneArgumentPerFile() throws Exception {
        Path data = PROJECT.resolve("src/data/a.txt");
        Path more = PROJECT.resolve("src/data/b.txt");
        Generator generator = new Generator("gen", List.of("@INPUT@", "--", "@OUTPUT@", "@INPUT1@"),
                List.of("a.c", "sub/b.h"), List.of(data, more), Optional.empty(), Generator.DEFAULT_TIMEOUT);

        GeneratorStep step = plan(LINUX, tool("gen"), library(generator)).get(0);

        assertEquals(List.of(data.toString(), more.toString(), "--", WORK.resolve("a.c").toString(),
                WORK.resolve("sub/b.h").toString(), more.toString()), step.argv().subList(1, step.argv().size()));
        assertEquals(List.of(step.program(), data, more), step.recordedInputs());
    }

    @Test
    void aWindowsBuildMachineRunsTheExe() throws Exception {
        GeneratorStep step = plan(WINDOWS, tool("gen"), library(Generator.of("gen", List.of(), List.of("a.c")))).get(0);

        assertEquals(LAYOUT.root().resolve("build-machine/bin/gen.exe"), step.program());
    }

    @Test
    void anExplicitOutputFolderIsUsedAndJoinsTheSourcesAndIncludeFoldersOnce() throws Exception {
        Path folder = PROJECT.resolve("target/generated-sources/tables");
        NativeTarget demo = library(
                new Generator("gen", List.of(), List.of("a.c"), List.of(), Optional.of(folder), Duration.ofSeconds(9)),
                new Generator("gen", List.of("x"), List.of("b.c"), List.of(), Optional.of(folder), Duration.ofSeconds(9)),
                Generator.of("gen", List.of(), List.of("c.c")));

        List<GeneratorStep> steps = plan(LINUX, tool("gen"), demo);

        assertEquals(List.of(folder.resolve("a.c")), steps.get(0).outputs());
        assertEquals(LAYOUT.root().resolve("generated/.tmp/demo-2"), steps.get(1).workDirectory());
        assertEquals(Duration.ofSeconds(9), steps.get(1).timeout());
        NativeTarget expanded = GeneratorPlanner.withGeneratedSources(LAYOUT, List.of(demo)).get(0);
        assertEquals(List.of(PROJECT.resolve("src/main/c"), folder, LAYOUT.generated(demo)), expanded.sourceDirectories());
        assertEquals(List.of(folder, LAYOUT.generated(demo)), expanded.includeDirectories());
    }

    @Test
    void targetsWithoutGeneratorsAreLeftAsTheyAre() {
        NativeTarget plain = NativeTarget.of("plain", TargetKind.EXECUTABLE, List.of(PROJECT.resolve("src/cli")));

        assertEquals(List.of(plain), GeneratorPlanner.withGeneratedSources(LAYOUT, List.of(plain)));
    }

    @Test
    void theFingerprintChangesWithTheArgumentsAndOutputs() throws Exception {
        Fingerprint first = plan(LINUX, tool("gen"), library(Generator.of("gen", List.of("1"), List.of("a.c")))).get(0)
                .fingerprint();

        assertEquals(first, plan(LINUX, tool("gen"), library(Generator.of("gen", List.of("1"), List.of("a.c"))))
                .get(0).fingerprint());
        assertNotEqual(first, plan(LINUX, tool("gen"), library(Generator.of("gen", List.of("2"), List.of("a.c"))))
                .get(0).fingerprint());
        assertNotEqual(first, plan(LINUX, tool("gen"), library(Generator.of("gen", List.of("1"), List.of("b.c"))))
                .get(0).fingerprint());
    }

    private static void assertNotEqual(Fingerprint a, Fingerprint b) {
        assertEquals(false, a.equals(b), a.toString());
    }

    @Test
    void anUnknownPlaceholderIsAnErrorNamingTheKnownOnes() {
        assertEquals("library 'demo': the <generator> running 'gen' has <arg>@OUTPUTDIR@/t.c</arg>: @OUTPUTDIR@ is "
                + "not a placeholder; the known ones are @OUTPUT_DIR@ (or @OUTDIR@), @OUTPUT@, @OUTPUT0@, @OUTPUT1@ "
                + "..., @INPUT@, @INPUT0@ ..., @CURRENT_SOURCE_DIR@",
                failure(tool("gen"), library(Generator.of("gen", List.of("@OUTPUTDIR@/t.c"), List.of("t.c")))));
    }

    @Test
    void anOutputNumberBeyondTheDeclaredOutputsIsAnError() {
        assertEquals("library 'demo': the <generator> running 'gen' has <arg>--h=@OUTPUT1@</arg>: @OUTPUT1@ names "
                + "output 1, but the generator declares 1 outputs (counted from 0); add it to <outputs> or correct "
                + "the number",
                failure(tool("gen"), library(Generator.of("gen", List.of("--h=@OUTPUT1@"), List.of("t.c")))));
    }

    @Test
    void anEmbeddedOutputPlaceholderNeedsASingleOutput() {
        assertEquals("library 'demo': the <generator> running 'gen' has <arg>--out=@OUTPUT@</arg>: @OUTPUT@ inside "
                + "a longer argument needs exactly one output, but there are 2; use @OUTPUT0@, @OUTPUT1@ ..., or "
                + "give @OUTPUT@ as an argument of its own",
                failure(tool("gen"), library(Generator.of("gen", List.of("--out=@OUTPUT@"), List.of("a.c", "b.c")))));
    }

    @Test
    void anUnknownToolNamesTheBuildMachineExecutables() {
        assertEquals("library 'demo': <generator><tool>gen-tabel</tool> is not an executable of this module (its "
                + "build-machine executables: gen-table, other); declare it under <executables> with "
                + "<machine>build</machine>, or correct the name",
                failure(tool("gen-table"), tool("other"), library(Generator.of("gen-tabel", List.of(), List.of("t.c")))));
        assertEquals("library 'demo': <generator><tool>gen</tool> is not an executable of this module (it has no "
                + "build-machine executables); declare it under <executables> with <machine>build</machine>, or "
                + "correct the name", failure(library(Generator.of("gen", List.of(), List.of("t.c")))));
    }

    @Test
    void aHostExecutableCannotBeATool() {
        NativeTarget hostTool = NativeTarget.of("gen", TargetKind.EXECUTABLE, List.of(PROJECT.resolve("src/gen")));

        assertEquals("library 'demo': <generator><tool>gen</tool> names an executable for the host machine, which "
                + "may not run here; add <machine>build</machine> to that <executable> so it is built with the "
                + "build machine's compiler",
                failure(hostTool, library(Generator.of("gen", List.of(), List.of("t.c")))));
    }

    @Test
    void aLibraryCannotBeATool() {
        NativeTarget lib = NativeTarget.of("gen", TargetKind.STATIC_LIBRARY, List.of(PROJECT.resolve("src/gen")));

        assertEquals("library 'demo': <generator><tool>gen</tool> names a library; the tool must be an "
                + "<executable> with <machine>build</machine>",
                failure(lib, library(Generator.of("gen", List.of(), List.of("t.c")))));
    }

    @Test
    void aBuildMachineTargetCannotHaveGenerators() {
        NativeTarget generated = tool("gen2").withGenerators(List.of(Generator.of("gen", List.of(), List.of("t.c"))));

        assertEquals("executable 'gen2' is built for the build machine and has a <generator>; only host-machine "
                + "targets can have generators: move the <generator> to the library or executable that compiles "
                + "its outputs", failure(tool("gen"), generated));
    }

    @Test
    void twoGeneratorsWritingOneFileAreAnError() {
        Path out = LAYOUT.root().resolve("generated/demo/t.c");

        assertEquals("the <generator> running 'b' for library 'demo' and the <generator> running 'a' for library "
                + "'demo' both write " + out + "; give one of them another <output> name or another "
                + "<outputDirectory>", failure(tool("a"), tool("b"), library(
                        Generator.of("a", List.of(), List.of("t.c")), Generator.of("b", List.of(), List.of("./t.c")))));
    }

    @Test
    void generatorsDeclareRelativeOutputsOnce() {
        assertEquals("the <generator> running 'gen' declares no <outputs>; name each file it writes, e.g. "
                + "<outputs><output>table.c</output></outputs>", invalid(List.of()));
        assertEquals("the <generator> running 'gen' declares the absolute <output> '/tmp/t.c'; name a file relative "
                + "to the output folder (<outputDirectory>), e.g. table.c", invalid(List.of("/tmp/t.c")));
        assertEquals("the <generator> running 'gen' declares the <output> '../t.c', which is outside the output "
                + "folder; name a file relative to the output folder (<outputDirectory>), e.g. table.c",
                invalid(List.of("../t.c")));
        assertEquals("the <generator> running 'gen' declares the <output> '@OUTPUT_DIR@/t.c' (outputs are file "
                + "names, placeholders belong in <args>); name a file relative to the output folder "
                + "(<outputDirectory>), e.g. table.c", invalid(List.of("@OUTPUT_DIR@/t.c")));
        assertEquals("the <generator> running 'gen' declares the output 'a//t.c' twice", invalid(List.of("a/t.c", "a//t.c")));
    }

    private static String invalid(List<String> outputs) {
        return assertThrows(IllegalArgumentException.class, () -> Generator.of("gen", List.of(), outputs)).getMessage();
    }
}
