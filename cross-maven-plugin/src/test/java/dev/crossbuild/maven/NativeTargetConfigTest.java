package dev.crossbuild.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.crossbuild.machine.MachineRole;
import dev.crossbuild.nativebuild.NativeTarget;
import dev.crossbuild.nativebuild.TargetKind;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How {@code <machine>} and {@code <generators>} of the POM become core targets. */
class NativeTargetConfigTest {

    private static final Path BASEDIR = Path.of("/work/app");

    private static Executable executable(String machine) {
        Executable executable = new Executable();
        executable.name = "gen-table";
        executable.machine = machine;
        executable.sourceDirectories = List.of(new File("src/build/c"));
        return executable;
    }

    @Test
    void machineDefaultsToHostAndAcceptsBuildInAnyCase() {
        assertEquals(MachineRole.HOST, executable(null).toTarget(TargetKind.EXECUTABLE, false, BASEDIR, "executable")
                .machine());
        assertEquals(MachineRole.BUILD, executable(" Build ").toTarget(TargetKind.EXECUTABLE, false, BASEDIR,
                "executable").machine());
    }

    @Test
    void anUnknownMachineSaysWhichValuesExist() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> executable("target").toTarget(TargetKind.EXECUTABLE, false, BASEDIR, "executable"));

        assertEquals("<executable><machine> of 'gen-table' is 'target'; use host (the default: built for the host "
                + "machine) or build (a tool run during the build)", e.getMessage());
    }

    @Test
    void generatorsResolveTheirFilesAgainstTheModule() {
        Generator generator = new Generator();
        generator.tool = "gen-table";
        generator.args = List.of("--out", "@OUTPUT0@");
        generator.outputs = List.of("table.c");
        generator.inputs = List.of(new File("src/data/table.txt"));
        generator.outputDirectory = new File("target/generated-sources/table");
        generator.timeout = 20;
        NativeLibrary library = new NativeLibrary();
        library.name = "table";
        library.sourceDirectories = List.of(new File("src/main/c"));
        library.generators = List.of(generator);

        NativeTarget target = library.toTarget(TargetKind.SHARED_LIBRARY, true, BASEDIR, "library");

        assertEquals(List.of(new dev.crossbuild.nativebuild.Generator("gen-table", List.of("--out", "@OUTPUT0@"),
                List.of("table.c"), List.of(BASEDIR.resolve("src/data/table.txt")),
                Optional.of(BASEDIR.resolve("target/generated-sources/table")), Duration.ofSeconds(20))),
                target.generators());
        assertEquals(MachineRole.HOST, target.machine());
    }
}
