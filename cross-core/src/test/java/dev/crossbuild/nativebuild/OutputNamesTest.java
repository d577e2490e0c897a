package dev.crossbuild.nativebuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
                OutputNames.importLibraryName(machine("windows"), NativeTarget.builder("demo", TargetKind.SHARED_LIBRARY).build()));
    }

    @Test
    void cygwinPrefixesDllsWithCyg() {
        assertEquals(List.of("cygdemo.dll", "libdemo.a", "demo.exe"), names("cygwin"));
        assertEquals(Optional.of("libdemo.dll.a"),
                OutputNames.importLibraryName(machine("cygwin"), NativeTarget.builder("demo", TargetKind.SHARED_LIBRARY).build()));
    }

    @Test
    void onlyPeSharedLibrariesHaveImportLibraries() {
        assertEquals(Optional.empty(), OutputNames.importLibraryName(machine("linux"), NativeTarget.builder("demo", TargetKind.SHARED_LIBRARY).build()));
        assertEquals(Optional.empty(), OutputNames.importLibraryName(machine("windows"), NativeTarget.builder("demo", TargetKind.STATIC_LIBRARY).build()));
        assertEquals(Optional.empty(), OutputNames.importLibraryName(machine("windows"), NativeTarget.builder("demo", TargetKind.EXECUTABLE).build()));
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
        assertEquals(Path.of("/p/target/cross/x/tmp/libdemo.so"),
                OutputNames.temporaryDirectory(layout, machine("linux"), shared));
    }

    private static NativeTarget library(String name, String version, String soversion) {
        return NativeTarget.builder(name, TargetKind.SHARED_LIBRARY).version(Optional.ofNullable(version))
                .soversion(Optional.ofNullable(soversion)).build();
    }

    @Test
    void aVersionedElfLibraryIsNamedAsMesonNamesIt() {
        Machine linux = machine("linux");
        NativeTarget z = library("z", "1.3.1", "1");
        assertEquals("libz.so.1.3.1", OutputNames.fileName(linux, z));
        assertEquals(Optional.of("libz.so.1"), OutputNames.soname(linux, z));
        assertEquals("libz.so.1", OutputNames.runtimeName(linux, z));
        assertEquals(List.of(new OutputNames.Alias("libz.so.1", "libz.so.1.3.1"), new OutputNames.Alias("libz.so", "libz.so.1")),
                OutputNames.aliases(linux, z));
        BuildLayout layout = new BuildLayout(Path.of("/p/x"));
        assertEquals(Path.of("/p/x/lib/libz.so"), OutputNames.linkedPath(layout, linux, z));
        assertTrue(OutputNames.foundByName(layout, linux, z));
        assertEquals(List.of("libz.so.1.3.1", "libz.so.1", "libz.so"), OutputNames.files(linux, z));
    }

    @Test
    void theSoversionDefaultsToTheVersionsFirstNumber() {
        Machine linux = machine("linux");
        NativeTarget z = library("z", "2.0", null);
        assertEquals("libz.so.2.0", OutputNames.fileName(linux, z));
        assertEquals(Optional.of("libz.so.2"), OutputNames.soname(linux, z));
        // soversion alone: the file is named by it, one alias
        NativeTarget onlySo = library("z", null, "3");
        assertEquals("libz.so.3", OutputNames.fileName(linux, onlySo));
        assertEquals(List.of(new OutputNames.Alias("libz.so", "libz.so.3")), OutputNames.aliases(linux, onlySo));
        // version equal to the soversion: one alias
        assertEquals(List.of(new OutputNames.Alias("libz.so", "libz.so.1")),
                OutputNames.aliases(linux, library("z", "1", "1")));
        // unversioned: SONAME = file name, no alias
        NativeTarget plain = library("z", null, null);
        assertEquals(Optional.of("libz.so"), OutputNames.soname(linux, plain));
        assertEquals(List.of(), OutputNames.aliases(linux, plain));
    }

    @Test
    void windowsPutsTheSoversionIntoTheDllNameAndDarwinBeforeTheSuffix() {
        NativeTarget z = library("z", "1.3.1", null);
        assertEquals("z-1.dll", OutputNames.fileName(machine("windows"), z));
        assertEquals(Optional.of("libz.dll.a"), OutputNames.importLibraryName(machine("windows"), z));
        assertEquals(List.of(), OutputNames.aliases(machine("windows"), z));
        assertEquals("z-1.dll", OutputNames.runtimeName(machine("windows"), z));
        assertEquals("libz.1.dylib", OutputNames.fileName(machine("darwin"), z));
        assertEquals(List.of(new OutputNames.Alias("libz.dylib", "libz.1.dylib")), OutputNames.aliases(machine("darwin"), z));
        assertEquals("libz.so", OutputNames.fileName(machine("android"), z), "Android has no versioned libraries");
    }

    @Test
    void prefixAndSuffixReplaceTheSystems() {
        Machine windows = machine("windows");
        NativeTarget zlib1 = NativeTarget.builder("zlib1", TargetKind.SHARED_LIBRARY).namePrefix(Optional.of("")).build();
        assertEquals("zlib1.dll", OutputNames.fileName(windows, zlib1));
        assertEquals(Optional.of("zlib1.dll.a"), OutputNames.importLibraryName(windows, zlib1));
        NativeTarget mingw = NativeTarget.builder("z", TargetKind.SHARED_LIBRARY).namePrefix(Optional.of("lib")).build();
        assertEquals("libz.dll", OutputNames.fileName(windows, mingw));
        NativeTarget module = NativeTarget.builder("spam", TargetKind.SHARED_LIBRARY).namePrefix(Optional.of(""))
                .nameSuffix(Optional.of("pyd")).build();
        assertEquals("spam.pyd", OutputNames.fileName(windows, module));
        Machine linux = machine("linux");
        NativeTarget plugin = NativeTarget.builder("plug", TargetKind.SHARED_LIBRARY).namePrefix(Optional.of(""))
                .version(Optional.of("1.0")).build();
        assertEquals("plug.so.1.0", OutputNames.fileName(linux, plugin));
        assertEquals(Optional.of("plug.so.1"), OutputNames.soname(linux, plugin));
        BuildLayout layout = new BuildLayout(Path.of("/p/x"));
        assertFalse(OutputNames.foundByName(layout, linux, plugin), "-lplug would look for libplug.so");
        assertEquals(Path.of("/p/x/lib/plug.so"), OutputNames.linkedPath(layout, linux, plugin));
        // Meson makes aliases only for the suffixes so and dylib
        NativeTarget odd = NativeTarget.builder("odd", TargetKind.SHARED_LIBRARY).nameSuffix(Optional.of("dll"))
                .soversion(Optional.of("2")).build();
        assertEquals("libodd.dll.2", OutputNames.fileName(linux, odd));
        assertEquals(List.of(), OutputNames.aliases(linux, odd));
        assertEquals("libtool.lib", OutputNames.fileName(linux, NativeTarget.builder("tool", TargetKind.STATIC_LIBRARY)
                .nameSuffix(Optional.of("lib")).build()));
        assertEquals("run.elf", OutputNames.fileName(linux, NativeTarget.builder("run", TargetKind.EXECUTABLE)
                .nameSuffix(Optional.of("elf")).build()));
    }
}
