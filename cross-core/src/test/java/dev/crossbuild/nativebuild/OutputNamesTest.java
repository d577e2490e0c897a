package dev.crossbuild.nativebuild;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crossbuild.machine.Endian;
import dev.crossbuild.machine.Machine;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutputNamesTest {

    private static Machine machine(String system) {
        return Machine.of(system, "x86_64", "x86_64", Endian.LITTLE);
    }

    private static List<String> names(String system) {
        Machine host = machine(system);
        return List.of(OutputNames.fileName(host, TargetKind.SHARED_LIBRARY, "demo"),
                OutputNames.fileName(host, TargetKind.STATIC_LIBRARY, "demo"),
                OutputNames.fileName(host, TargetKind.EXECUTABLE, "demo"));
    }

    @Test
    void elfSystemsUseLibSoAndBareExecutables() {
        for (String system : List.of("linux", "android", "freebsd", "netbsd", "openbsd", "dragonfly", "gnu", "sunos")) {
            assertEquals(List.of("libdemo.so", "libdemo.a", "demo"), names(system), system);
        }
    }

    @Test
    void darwinUsesDylib() {
        assertEquals(List.of("libdemo.dylib", "libdemo.a", "demo"), names("darwin"));
    }

    @Test
    void windowsUsesDllExeAndMingwArchives() {
        assertEquals(List.of("demo.dll", "libdemo.a", "demo.exe"), names("windows"));
        assertEquals(Optional.of("libdemo.dll.a"),
                OutputNames.importLibraryName(machine("windows"), TargetKind.SHARED_LIBRARY, "demo"));
    }

    @Test
    void cygwinPrefixesDllsWithCyg() {
        assertEquals(List.of("cygdemo.dll", "libdemo.a", "demo.exe"), names("cygwin"));
        assertEquals(Optional.of("libdemo.dll.a"),
                OutputNames.importLibraryName(machine("cygwin"), TargetKind.SHARED_LIBRARY, "demo"));
    }

    @Test
    void onlyPeSharedLibrariesHaveImportLibraries() {
        assertEquals(Optional.empty(), OutputNames.importLibraryName(machine("linux"), TargetKind.SHARED_LIBRARY, "demo"));
        assertEquals(Optional.empty(), OutputNames.importLibraryName(machine("windows"), TargetKind.STATIC_LIBRARY, "demo"));
        assertEquals(Optional.empty(), OutputNames.importLibraryName(machine("windows"), TargetKind.EXECUTABLE, "demo"));
    }

    @Test
    void dllsGoBesideTheExecutablesEverythingElseByKind() {
        BuildLayout layout = new BuildLayout(Path.of("/p/target/cross/x"));
        NativeTarget shared = NativeTarget.of("demo", TargetKind.SHARED_LIBRARY, List.of());
        NativeTarget archive = NativeTarget.of("util", TargetKind.STATIC_LIBRARY, List.of());
        NativeTarget tool = NativeTarget.of("tool", TargetKind.EXECUTABLE, List.of());
        assertEquals(Path.of("/p/target/cross/x/lib/libdemo.so"), OutputNames.path(layout, machine("linux"), shared));
        assertEquals(Path.of("/p/target/cross/x/bin/demo.dll"), OutputNames.path(layout, machine("windows"), shared));
        assertEquals(Optional.of(Path.of("/p/target/cross/x/lib/libdemo.dll.a")),
                OutputNames.importLibraryPath(layout, machine("windows"), shared));
        assertEquals(Path.of("/p/target/cross/x/lib/libutil.a"), OutputNames.path(layout, machine("windows"), archive));
        assertEquals(Path.of("/p/target/cross/x/bin/tool"), OutputNames.path(layout, machine("linux"), tool));
        assertEquals(Path.of("/p/target/cross/x/debug/libdemo.so.debug"), OutputNames.debugPath(layout, "libdemo.so"));
        assertEquals(Path.of("/p/target/cross/x/tmp/demo"), OutputNames.temporaryDirectory(layout, shared));
    }
}
