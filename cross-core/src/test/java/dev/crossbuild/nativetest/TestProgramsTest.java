package dev.crossbuild.nativetest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.crossbuild.machine.MachineRole;
import dev.crossbuild.nativebuild.NativeTarget;
import dev.crossbuild.nativebuild.SourceFile;
import dev.crossbuild.nativebuild.SourceSet;
import dev.crossbuild.nativebuild.TargetKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestProgramsTest {

    @TempDir
    Path module;

    private Path write(String relative) throws IOException {
        Path file = module.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "int x;\n");
        return file;
    }

    private List<Path> folders() {
        return List.of(module.resolve("src/test/c"), module.resolve("src/test/cpp"));
    }

    private static List<String> names(List<NativeTarget> targets) {
        return targets.stream().map(NativeTarget::name).toList();
    }

    private static List<String> sources(NativeTarget target) throws Exception {
        return SourceSet.of(target).stream().map(SourceFile::relativeName).toList();
    }

    @Test
    void eachSourceDirectlyInATestFolderIsOneProgramNamedAfterItsFile() throws Exception {
        write("src/test/c/test_mix.c");
        write("src/test/c/test_add.c");
        write("src/test/cpp/test_vector.cpp");
        write("src/test/c/helpers.h");

        List<NativeTarget> programs = TestPrograms.discover(folders());

        assertEquals(List.of("test_add", "test_mix", "test_vector"), names(programs));
        NativeTarget mix = programs.get(1);
        assertEquals(TargetKind.EXECUTABLE, mix.kind());
        assertEquals(MachineRole.HOST, mix.machine());
        assertEquals(List.of("test_mix.c"), sources(mix));
        assertEquals(List.of("test_vector.cpp"), sources(programs.get(2)));
    }

    @Test
    void sourcesInSubfoldersAreSupportCodeCompiledIntoEveryProgram() throws Exception {
        write("src/test/c/test_a.c");
        write("src/test/c/test_b.c");
        write("src/test/c/support/fixture.c");
        write("src/test/c/support/deeper/more.c");
        write("src/test/cpp/util/strings.cpp");

        List<NativeTarget> programs = TestPrograms.discover(folders());

        assertEquals(List.of("test_a", "test_b"), names(programs));
        assertEquals(List.of("support/deeper/more.c", "support/fixture.c", "test_a.c", "util/strings.cpp"),
                sources(programs.get(0)));
        assertEquals(List.of("support/deeper/more.c", "support/fixture.c", "test_b.c", "util/strings.cpp"),
                sources(programs.get(1)));
    }

    @Test
    void assemblyDirectlyInATestFolderIsRefusedWithWhereToPutIt() throws Exception {
        write("src/test/c/test_a.c");
        Path assembly = write("src/test/c/helper.S");

        NativeTestException e = assertThrows(NativeTestException.class, () -> TestPrograms.discover(folders()));

        assertEquals("Test source " + assembly + " is assembly directly in a test folder: a test program is a C or "
                + "C++ file there, and assembly is support code compiled into every test program; move it into a "
                + "subfolder (for example " + module.resolve("src/test/c/support/helper.S") + ").", e.getMessage());
    }

    @Test
    void assemblyInASubfolderIsSupportCode() throws Exception {
        write("src/test/c/test_a.c");
        write("src/test/c/support/helper.S");

        assertEquals(List.of("support/helper.S", "test_a.c"), sources(TestPrograms.discover(folders()).get(0)));
    }

    @Test
    void noTestFoldersMeansNoPrograms() throws Exception {
        assertEquals(List.of(), TestPrograms.discover(folders()));
        write("src/test/c/support/only_support.c");
        assertEquals(List.of(), TestPrograms.discover(folders()));
    }

    @Test
    void twoFilesNamingTheSameProgramAreRefused() throws Exception {
        Path c = write("src/test/c/test_a.c");
        Path cpp = write("src/test/cpp/test_a.cpp");
        NativeTestException e = assertThrows(NativeTestException.class, () -> TestPrograms.discover(folders()));
        assertEquals("Test programs " + c + " and " + cpp + " are both named 'test_a'; rename one of them.",
                e.getMessage());
    }

    @Test
    void aFileNameThatCannotNameAProgramIsRefusedWithTheRemedy() throws Exception {
        Path file = write("src/test/c/my test.c");
        NativeTestException e = assertThrows(NativeTestException.class, () -> TestPrograms.discover(folders()));
        assertEquals("Test program " + file + ": 'my test' cannot name a program; use letters, digits, '_', '.', '+' "
                + "or '-' (starting with a letter, digit or '_'), or move the file into a subfolder if it is support "
                + "code shared by the tests.", e.getMessage());
    }

    @Test
    void programsSeeTheLibrariesIncludeFoldersAndLinkEveryLibraryByDefault() throws Exception {
        write("src/test/c/test_a.c");
        NativeTarget program = TestPrograms.discover(folders()).get(0);
        Path include = module.resolve("src/main/include");
        NativeTarget demo = NativeTarget.builder("demo", TargetKind.SHARED_LIBRARY)
                .sourceDirectories(List.of(module.resolve("src/main/c"))).includeDirectories(List.of(include))
                .dependencies(List.of("zlib")).jni(true).build();
        NativeTarget util = NativeTarget.of("util", TargetKind.STATIC_LIBRARY, List.of());
        NativeTarget tool = NativeTarget.of("tool", TargetKind.EXECUTABLE, List.of());
        NativeTarget generator = NativeTarget.builder("gen", TargetKind.STATIC_LIBRARY).machine(MachineRole.BUILD)
                .build();

        NativeTarget built = TestPrograms.forProject(List.of(program), List.of(demo, util, tool, generator)).get(0);

        assertEquals(List.of(include), built.includeDirectories());
        assertEquals(List.of("demo", "util"), built.libraries());
        assertEquals(List.of("zlib"), built.dependencies());
        assertEquals(program.sourceDirectories(), built.sourceDirectories());
        assertEquals(program.includes(), built.includes());
        assertEquals(false, built.jni());
    }

    @Test
    void aProgramThatNamesLibrariesLinksOnlyThose() throws Exception {
        NativeTarget program = NativeTarget.builder("t", TargetKind.EXECUTABLE)
                .includeDirectories(List.of(module.resolve("src/test/include"))).libraries(List.of("util")).build();
        NativeTarget demo = NativeTarget.builder("demo", TargetKind.SHARED_LIBRARY)
                .includeDirectories(List.of(module.resolve("a"))).build();
        NativeTarget util = NativeTarget.of("util", TargetKind.STATIC_LIBRARY, List.of());

        NativeTarget built = TestPrograms.forProject(List.of(program), List.of(demo, util)).get(0);

        assertEquals(List.of("util"), built.libraries());
        assertEquals(List.of(module.resolve("src/test/include"), module.resolve("a")), built.includeDirectories());
    }

    @Test
    void aProgramNamedLikeALibraryIsRefused() {
        NativeTarget program = NativeTarget.of("demo", TargetKind.EXECUTABLE, List.of());
        NativeTarget demo = NativeTarget.of("demo", TargetKind.SHARED_LIBRARY, List.of());
        NativeTestException e = assertThrows(NativeTestException.class,
                () -> TestPrograms.forProject(List.of(program), List.of(demo)));
        assertEquals("Test program 'demo' has the name of a library of this module; rename the test (its file, or its "
                + "<name> under <tests>).", e.getMessage());
    }

    @Test
    void aBuildMachineProgramIsRefused() {
        NativeTarget program = NativeTarget.builder("t", TargetKind.EXECUTABLE).machine(MachineRole.BUILD).build();
        NativeTestException e = assertThrows(NativeTestException.class,
                () -> TestPrograms.forProject(List.of(program), List.of()));
        assertEquals("Test program 't' is for the build machine; test programs are built for the host machine (remove "
                + "its <machine>).", e.getMessage());
    }

    @Test
    void twoConfiguredTestsWithOneNameAreRefused() {
        NativeTarget program = NativeTarget.of("t", TargetKind.EXECUTABLE, List.of());
        NativeTestException e = assertThrows(NativeTestException.class,
                () -> TestPrograms.forProject(List.of(program, program), List.of()));
        assertEquals("Two test programs are named 't'; give every <test> a name of its own.", e.getMessage());
    }
}
