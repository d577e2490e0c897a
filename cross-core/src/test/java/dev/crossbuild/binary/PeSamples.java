package dev.crossbuild.binary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Real PE images from the mingw-w64 toolchain: a JNI-style DLL (mingw auto-exports its functions) importing
 * KERNEL32 and msvcrt, a console executable importing it, a GUI executable, and the strip recipe for PE (the
 * unstripped copy is the debug file; the stripped copy gets a debuglink to it).
 */
record PeSamples(Path dir, Path dll, Path console, Path gui, Path debugFile, Path stripped, Path linked) {

    static final String TRIPLE = "x86_64-w64-mingw32";
    static final String DLL_SOURCE = """
            #include <math.h>
            #include <windows.h>
            double demo_root(double x) { return cbrt(x); }
            int Java_dev_demo_Native_add(void *env, void *cls, int a, int b) {
                return a + b + (int) (GetCurrentProcessId() & 0);
            }
            """;
    static final String MAIN_SOURCE = """
            #include <stdio.h>
            double demo_root(double x);
            int main(void) { printf("%f\\n", demo_root(27.0)); return 0; }
            """;

    static boolean installed() {
        return NativeTools.onPath(TRIPLE + "-gcc") && NativeTools.onPath(TRIPLE + "-objdump")
                && NativeTools.onPath(TRIPLE + "-strip") && NativeTools.onPath(TRIPLE + "-objcopy");
    }

    static PeSamples build(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("demo.c"), DLL_SOURCE);
        Files.writeString(dir.resolve("main.c"), MAIN_SOURCE);
        String gcc = TRIPLE + "-gcc";
        NativeTools.run(dir, gcc, "-g", "-shared", "demo.c", "-o", "demo.dll", "-Wl,--out-implib,libdemo.dll.a");
        NativeTools.run(dir, gcc, "-g", "main.c", "-L.", "-ldemo", "-o", "demo.exe");
        NativeTools.run(dir, gcc, "-mwindows", "main.c", "-L.", "-ldemo", "-o", "demo-gui.exe");
        Files.copy(dir.resolve("demo.dll"), dir.resolve("demo.dll.debug"), StandardCopyOption.REPLACE_EXISTING);
        NativeTools.run(dir, TRIPLE + "-strip", "demo.dll", "-o", "demo.stripped.dll");
        NativeTools.run(dir, TRIPLE + "-objcopy", "--add-gnu-debuglink=demo.dll.debug", "demo.stripped.dll",
                "demo.linked.dll");
        return new PeSamples(dir, dir.resolve("demo.dll"), dir.resolve("demo.exe"), dir.resolve("demo-gui.exe"),
                dir.resolve("demo.dll.debug"), dir.resolve("demo.stripped.dll"), dir.resolve("demo.linked.dll"));
    }

    static PeSamples buildOrFail(Path dir) {
        try {
            return build(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
