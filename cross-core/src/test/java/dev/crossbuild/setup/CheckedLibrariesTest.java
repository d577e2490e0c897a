package dev.crossbuild.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crossbuild.machine.MachineRole;
import dev.crossbuild.nativebuild.NativeTarget;
import dev.crossbuild.nativebuild.TargetKind;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CheckedLibrariesTest {

    private static NativeTarget target(String name, MachineRole machine, String... dependencies) {
        return NativeTarget.builder(name, TargetKind.SHARED_LIBRARY).dependencies(List.of(dependencies))
                .machine(machine).build();
    }

    @Test
    void aHostTargetsZlibDependencyIsChecked() {
        assertEquals(Set.of("zlib"), CheckedLibraries.of(List.of(target("a", MachineRole.HOST, "libpng", "zlib"))));
        assertEquals(Set.of("zlib"), CheckedLibraries.of(List.of(target("a", MachineRole.HOST, "zlib >= 1.2"))));
        assertEquals(Set.of(), CheckedLibraries.of(List.of(target("a", MachineRole.HOST, "zlibx"))));
    }

    @Test
    void dependenciesTheDoctorCannotCheckAreLeftToPkgConfig() {
        assertEquals(Set.of(), CheckedLibraries.of(List.of(target("a", MachineRole.HOST, "libpng", "openssl"))));
    }

    @Test
    void aBuildMachineToolsDependencyIsNotTheHostsToCheck() {
        assertEquals(Set.of(), CheckedLibraries.of(List.of(target("gen", MachineRole.BUILD, "zlib"))));
    }
}
