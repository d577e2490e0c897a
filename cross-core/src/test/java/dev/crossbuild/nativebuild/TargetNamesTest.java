package dev.crossbuild.nativebuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.crossbuild.machine.Machine;
import dev.crossbuild.machine.MachineRole;
import dev.crossbuild.machine.Machines;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Name clashes of a module's targets, found at setup. */
class TargetNamesTest {

    private static Machines machines(Machine host) {
        return new Machines(TestSetups.BUILD, host, host, true);
    }

    private static NativeTarget target(String name, TargetKind kind) {
        return NativeTarget.builder(name, kind).build();
    }

    @Test
    void aLibraryAndAnExecutableMayShareANameAndBothLibrariesMakeTwoFiles() throws TargetNameException {
        TargetNames.check(machines(TestSetups.LINUX_ARM64), List.of(target("lua", TargetKind.SHARED_LIBRARY),
                target("util", TargetKind.BOTH_LIBRARIES), target("lua", TargetKind.EXECUTABLE)));
        TargetNames.check(machines(TestSetups.WINDOWS_X64), List.of(target("lua", TargetKind.SHARED_LIBRARY),
                target("lua", TargetKind.EXECUTABLE)));
    }

    @Test
    void twoLibrariesOrTwoExecutablesOfOneNameClash() {
        TargetNameException libraries = assertThrows(TargetNameException.class, () -> TargetNames.check(
                machines(TestSetups.LINUX_ARM64), List.of(target("z", TargetKind.SHARED_LIBRARY),
                        target("y", TargetKind.STATIC_LIBRARY), target("z", TargetKind.STATIC_LIBRARY))));
        assertEquals("Two <library>s are named 'z' (the 1st and the 3rd of <libraries>); give each <library> a name of "
                + "its own (a library and an executable may share one).", libraries.getMessage());
        TargetNameException executables = assertThrows(TargetNameException.class, () -> TargetNames.check(
                machines(TestSetups.LINUX_ARM64), List.of(target("z", TargetKind.SHARED_LIBRARY),
                        target("tool", TargetKind.EXECUTABLE), target("tool", TargetKind.EXECUTABLE))));
        assertEquals("Two <executable>s are named 'tool' (the 1st and the 2nd of <executables>); give each "
                + "<executable> a name of its own (a library and an executable may share one).",
                executables.getMessage());
    }

    @Test
    void twoOutputsWithOneFileNameClashNamingBothElements() throws TargetNameException {
        NativeTarget both = NativeTarget.builder("foo", TargetKind.BOTH_LIBRARIES).nameSuffix(Optional.of("so")).build();
        TargetNameException e = assertThrows(TargetNameException.class,
                () -> TargetNames.check(machines(TestSetups.LINUX_ARM64), List.of(both)));
        assertEquals("<library> foo (kind both, its shared library) and <library> foo (kind both, its static library) "
                + "would both write the file libfoo.so (for linux/aarch64 (aarch64, little)); every output needs a file "
                + "name of its own: change a <name>, <namePrefix> or <nameSuffix>.", e.getMessage());
        // an alias of a versioned library counts
        NativeTarget z = NativeTarget.builder("z", TargetKind.SHARED_LIBRARY).version(Optional.of("1")).build();
        NativeTarget other = NativeTarget.builder("z1", TargetKind.SHARED_LIBRARY).nameSuffix(Optional.of("so.1"))
                .namePrefix(Optional.of("lib")).build();
        NativeTarget renamed = NativeTarget.builder("z", TargetKind.EXECUTABLE).namePrefix(Optional.of("lib"))
                .nameSuffix(Optional.of("so")).build();
        assertThrows(TargetNameException.class, () -> TargetNames.check(machines(TestSetups.LINUX_ARM64),
                List.of(z, renamed)));
        TargetNames.check(machines(TestSetups.LINUX_ARM64), List.of(z, other));
    }

    @Test
    void windowsAndDarwinCompareFileNamesWithoutCase() throws TargetNameException {
        List<NativeTarget> targets = List.of(target("Zlib", TargetKind.SHARED_LIBRARY),
                NativeTarget.builder("zlib", TargetKind.EXECUTABLE).nameSuffix(Optional.of("dll")).build());
        assertThrows(TargetNameException.class, () -> TargetNames.check(machines(TestSetups.WINDOWS_X64), targets));
        TargetNames.check(machines(TestSetups.LINUX_ARM64), targets);
    }

    @Test
    void buildMachineOutputsHaveTheirOwnFolder() throws TargetNameException {
        NativeTarget tool = NativeTarget.builder("gen", TargetKind.SHARED_LIBRARY).machine(MachineRole.BUILD).build();
        NativeTarget gen = NativeTarget.builder("gen2", TargetKind.SHARED_LIBRARY).namePrefix(Optional.of("lib"))
                .build();
        TargetNames.check(machines(TestSetups.LINUX_ARM64), List.of(tool, gen));
    }

    @Test
    void twoTargetsOfOneNameWithGeneratorsWritingToTheDefaultFolderClash() throws TargetNameException {
        Generator generator = new Generator("gen", List.of(), List.of("a.c"), List.of(), Optional.empty(),
                Duration.ofSeconds(60));
        NativeTarget library = NativeTarget.builder("x", TargetKind.SHARED_LIBRARY).generators(List.of(generator))
                .build();
        NativeTarget executable = NativeTarget.builder("x", TargetKind.EXECUTABLE).generators(List.of(generator))
                .build();
        TargetNameException e = assertThrows(TargetNameException.class,
                () -> TargetNames.check(machines(TestSetups.LINUX_ARM64), List.of(library, executable)));
        assertEquals("<library> x (kind shared) and <executable> x both have <generator>s writing into generated/x/; "
                + "give the <generator>s of one of them an <outputDirectory>.", e.getMessage());
        Generator elsewhere = new Generator("gen", List.of(), List.of("a.c"), List.of(),
                Optional.of(Path.of("/p/gen")), Duration.ofSeconds(60));
        TargetNames.check(machines(TestSetups.LINUX_ARM64), List.of(library, executable.toBuilder()
                .generators(List.of(elsewhere)).build()));
    }
}
