package dev.crossbuild.machine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class FileNamingTest {

    @Test
    void executablesTakeMesonsExeSuffix() {
        assertEquals("demo", FileNaming.executable("linux", "demo"));
        assertEquals("demo", FileNaming.executable("darwin", "demo"));
        assertEquals("demo.exe", FileNaming.executable("windows", "demo"));
        assertEquals("demo.exe", FileNaming.executable("cygwin", "demo"));
        assertEquals("demo.exe", FileNaming.executable("os/2", "demo"));
    }

    @Test
    void sharedLibrariesAreNamedAsEachSystemsToolchainNamesThem() {
        assertEquals("libdemo.so", FileNaming.sharedLibrary("linux", "demo"));
        assertEquals("libdemo.so", FileNaming.sharedLibrary("freebsd", "demo"));
        assertEquals("libdemo.dylib", FileNaming.sharedLibrary("darwin", "demo"));
        assertEquals("demo.dll", FileNaming.sharedLibrary("windows", "demo"));
        assertEquals("cygdemo.dll", FileNaming.sharedLibrary("cygwin", "demo"));
    }

    @Test
    void staticAndImportLibraries() {
        assertEquals("libdemo.a", FileNaming.staticLibrary("demo"));
        assertEquals(Optional.of("libdemo.dll.a"), FileNaming.importLibrary("windows", "demo"));
        assertEquals(Optional.empty(), FileNaming.importLibrary("linux", "demo"));
    }

    @Test
    void aProgramNameLosesItsExeSuffixInAnyCase() {
        assertEquals("pkg-config", FileNaming.withoutExecutableSuffix("pkg-config.exe"));
        assertEquals("pkg-config", FileNaming.withoutExecutableSuffix("pkg-config.EXE"));
        assertEquals("pkg-config", FileNaming.withoutExecutableSuffix("pkg-config"));
        assertEquals("exe", FileNaming.withoutExecutableSuffix("exe"));
    }
}
