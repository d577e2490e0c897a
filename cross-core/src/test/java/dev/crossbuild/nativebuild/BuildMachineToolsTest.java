package dev.crossbuild.nativebuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbuild.binary.Binaries;
import dev.crossbuild.binary.ElfFile;
import dev.crossbuild.checks.CheckRequest;
import dev.crossbuild.exec.HostEnvironment;
import dev.crossbuild.exec.ProcessRunner;
import dev.crossbuild.machine.MachineRole;
import dev.crossbuild.setup.CrossSetup;
import dev.crossbuild.setup.SetupRequest;
import dev.crossbuild.setup.SetupResult;
import dev.crossbuild.setup.ToolchainRequest;
import dev.crossbuild.toolchain.Language;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path with real toolchains: setup for linux-arm64 with a C build-machine tool, then compile builds the
 * generator {@code gen-table} with the build machine's cc, runs it to write {@code table.c}, compiles that into an
 * aarch64 library with the aarch64 gcc; link makes the library and a program that prints from the table under qemu.
 */
class BuildMachineToolsTest {

    private static final String GENERATOR = """
            #include <stdio.h>
            #include <stdlib.h>
            #include <string.h>
            /* gen-table --out FILE --size N: a table of squares as C source. */
            int main(int argc, char **argv) {
                const char *out = NULL;
                int size = 0;
                for (int i = 1; i + 1 < argc; i += 2) {
                    if (strcmp(argv[i], "--out") == 0) out = argv[i + 1];
                    else if (strcmp(argv[i], "--size") == 0) size = atoi(argv[i + 1]);
                }
                if (out == NULL || size <= 0) { fprintf(stderr, "usage: gen-table --out FILE --size N\\n"); return 2; }
                FILE *f = fopen(out, "w");
                if (f == NULL) { perror(out); return 1; }
                fprintf(f, "const int table_size = %d;\\nconst int table[] = {", size);
                for (int i = 0; i < size; i++) fprintf(f, "%s%d", i ? ", " : "", i * i);
                fprintf(f, "};\\n");
                printf("wrote %d entries\\n", size);
                return fclose(f) == 0 ? 0 : 1;
            }
            """;

    @TempDir
    Path project;

    private BuildLayout layout;
    private final RecordingListener listener = new RecordingListener();

    @BeforeEach
    void sources() throws Exception {
        RealToolchains.require("aarch64-linux-gnu-gcc");
        RealToolchains.require("cc");
        layout = new BuildLayout(project.resolve("target/cross/linux-aarch_64"));
        write("src/gen/gen-table.c", GENERATOR);
        write("src/main/c/lookup.c", "extern const int table[];\nextern const int table_size;\n"
                + "int lookup(int i) { return i >= 0 && i < table_size ? table[i] : -1; }\n");
        write("src/cli/main.c", "#include <stdio.h>\nint lookup(int i);\n"
                + "int main(void) { printf(\"table[7] = %d\\n\", lookup(7)); return 0; }\n");
    }

    private void write(String relative, String text) throws Exception {
        Path file = project.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private SetupState setup(Set<Language> buildLanguages) throws Exception {
        HostEnvironment host = HostEnvironment.of(
                Map.of("PATH", HostEnvironment.system().variable("PATH").orElse("/usr/bin:/bin"), "HOME", project.toString()),
                Map.of("os.name", "Linux", "os.arch", "amd64", "sun.cpu.endian", "little", "user.home", project.toString()),
                project);
        SetupResult result = new CrossSetup(host).run(new SetupRequest(List.of("linux-arm64.ini"), List.of(),
                List.of(project), project.resolve("target/cross"), Optional.empty(), Optional.of(project),
                new ToolchainRequest(Set.of(Language.C), false, Set.of(), CheckRequest.empty(), buildLanguages)));
        return SetupState.read(result.setupJson());
    }

    private List<NativeTarget> targets(String size) {
        NativeTarget generator = NativeTarget.builder("gen-table", TargetKind.EXECUTABLE)
                .sourceDirectories(List.of(project.resolve("src/gen"))).compilerArgs(List.of("-O1"))
                .machine(MachineRole.BUILD).build();
        NativeTarget library = NativeTarget.of("demo", TargetKind.SHARED_LIBRARY, List.of(project.resolve("src/main/c")))
                .withGenerators(List.of(Generator.of("gen-table",
                        List.of("--out", "@OUTPUT_DIR@/table.c", "--size", size), List.of("table.c"))));
        NativeTarget cli = NativeTarget.builder("demo-cli", TargetKind.EXECUTABLE)
                .sourceDirectories(List.of(project.resolve("src/cli"))).libraries(List.of("demo")).build();
        return List.of(generator, library, cli);
    }

    private CompileResult compile(SetupState setup, List<NativeTarget> targets) throws Exception {
        listener.clear();
        return new NativeCompiler(ProcessRunner.system(), listener).compile(new CompileRequest(layout, setup, targets,
                List.of(), Optional.empty(), 2, project));
    }

    private long lines(String start) {
        return listener.info.stream().filter(line -> line.startsWith(start)).count();
    }

    @Test
    void theGeneratorIsBuiltForTheBuildMachineAndItsTableIsCompiledIntoTheAarch64Library() throws Exception {
        SetupState setup = setup(Set.of(Language.C));
        assertEquals("x86_64-linux-gnu", setup.buildToolchain().orElseThrow().compiler(Language.C).orElseThrow()
                .id().targetTriple());

        assertEquals(new CompileResult(3, 3, 0), compile(setup, targets("10")));
        assertTrue(listener.info.contains("[build machine] [1/1] CC src/gen/gen-table.c"), listener.info.toString());
        assertTrue(listener.info.contains("[build machine] compiled 1 of 1 sources (0 up to date)"), listener.info.toString());
        assertTrue(listener.info.contains("[1/1] GEN target/cross/linux-aarch_64/generated/demo/table.c (gen-table)"),
                listener.info.toString());
        assertTrue(listener.info.contains("gen-table: wrote 10 entries"), listener.info.toString());
        assertTrue(listener.compiled().contains("target/cross/linux-aarch_64/generated/demo/table.c"), listener.compiled().toString());

        Path tool = layout.buildMachine().bin().resolve("gen-table");
        ElfFile toolElf = (ElfFile) Binaries.parse("gen-table", Files.readAllBytes(tool));
        assertTrue(toolElf.describe().contains(" x86_64 "), toolElf.describe());
        assertEquals("const int table_size = 10;\nconst int table[] = {0, 1, 4, 9, 16, 25, 36, 49, 64, 81};\n",
                Files.readString(layout.generated(targets("10").get(1)).resolve("table.c")));
        assertTrue(Files.isRegularFile(layout.objects(targets("10").get(1)).resolve("table.c.o")));

        LinkResult linked = new NativeLinker(ProcessRunner.system(), listener)
                .link(new LinkRequest(layout, setup, targets("10"), false));
        assertEquals(2, linked.linked());
        ElfFile library = (ElfFile) Binaries.parse("libdemo.so", Files.readAllBytes(layout.lib().resolve("libdemo.so")));
        assertTrue(library.describe().contains(" aarch64 "), library.describe());
        assertEquals("table[7] = 49\n", CrossProject.run(Map.of(), "qemu-aarch64", "-L", "/usr/aarch64-linux-gnu",
                layout.bin().resolve("demo-cli").toString()));
    }

    @Test
    void aNoOpBuildRunsNothingAndAChangedGeneratorSourceRebuildsAndRerunsIt() throws Exception {
        SetupState setup = setup(Set.of(Language.C));
        compile(setup, targets("10"));

        assertEquals(new CompileResult(3, 0, 3), compile(setup, targets("10")));
        assertEquals(0, lines("[build machine] [1/"));
        assertEquals(0, lines("[1/1] GEN"));
        assertTrue(listener.info.contains("ran 0 of 1 generator (1 up to date)"), listener.info.toString());

        assertEquals(new CompileResult(3, 1, 2), compile(setup, targets("12")));
        assertEquals(1, lines("[1/1] GEN"));
        assertEquals(List.of("target/cross/linux-aarch_64/generated/demo/table.c"), listener.compiled());

        write("src/gen/gen-table.c", GENERATOR.replace("i * i", "i * i * i"));
        assertEquals(new CompileResult(3, 1, 2), compile(setup, targets("12")));
        assertEquals(1, lines("[build machine] [1/1] CC src/gen/gen-table.c"));
        assertEquals(1, lines("[build machine] [1/1] LINK bin/gen-table"));
        assertEquals(1, lines("[1/1] GEN"));
        assertTrue(Files.readString(layout.generated(targets("12").get(1)).resolve("table.c")).contains("343"));
    }

    @Test
    void aFailingGeneratorFailsTheCompileWithItsMessage() throws Exception {
        SetupState setup = setup(Set.of(Language.C));

        CompileException e = assertThrows(CompileException.class, () -> compile(setup, targets("0")));

        assertTrue(e.getMessage().startsWith("The <generator> running 'gen-table' for library 'demo' failed (exit "
                + "code 2):\nusage: gen-table --out FILE --size N\ncommand: "), e.getMessage());
        assertTrue(e.getCause() instanceof GeneratorException);
        assertFalse(Files.exists(layout.objects(targets("0").get(1)).resolve("lookup.c.o")), "host sources compiled");
    }

    @Test
    void aSetupWithoutTheBuildMachinesToolchainIsRefused() throws Exception {
        SetupState setup = setup(Set.of());
        assertEquals(Optional.empty(), setup.buildToolchain());

        CompileException e = assertThrows(CompileException.class, () -> compile(setup, targets("10")));

        assertEquals("executable 'gen-table' is built for the build machine (<machine>build</machine>), but "
                + layout.setupJson() + " records no toolchain for the build machine; setup detects one when the "
                + "plugin's configuration has build-machine targets: build from the setup goal on (e.g. mvn package)",
                e.getMessage());
    }

    @Test
    void linkWithoutTheGeneratedSourcesSaysToCompileFirst() throws Exception {
        SetupState setup = setup(Set.of(Language.C));

        LinkException e = assertThrows(LinkException.class, () -> new NativeLinker(ProcessRunner.system(), listener)
                .link(new LinkRequest(layout, setup, targets("10"), false)));

        assertEquals("<library> demo: the sources its <generator>s write (" + layout.root().resolve("generated/demo")
                + ") are missing; run the compile goal first (it runs the generators in the compile phase, e.g. mvn "
                + "package).", e.getMessage());
    }
}
