package dev.crossbuild.binary;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Real binaries built once per target with its cross toolchain: a shared library with a SONAME that needs libm
 * and two glibc versions (getrandom is GLIBC_2.25, the rest older: the numeric maximum is not the string one),
 * an executable linked against it with a {@code $ORIGIN} runpath, an object, and the strip recipe of the
 * {@code native-link} goal (debug file, stripped copy, stripped copy with a debuglink).
 */
record ElfSamples(Path dir, Path library, Path executable, Path object, Path debugFile, Path stripped, Path linked) {

    static final String LIBRARY_SOURCE = """
            #include <math.h>
            #include <sys/random.h>
            double demo_root(double x) { return cbrt(x); }
            int demo_random(void) { int v = 0; getrandom(&v, sizeof v, 0); return v; }
            int Java_dev_demo_Native_add(void *env, void *cls, int a, int b) { return a + b; }
            static int hidden_helper(int x) { return x * 2; }
            int demo_twice(int x) { return hidden_helper(x); }
            """;
    static final String MAIN_SOURCE = """
            #include <stdio.h>
            double demo_root(double x);
            int main(void) { printf("%f\\n", demo_root(27.0)); return 0; }
            """;

    private static final Map<Path, ElfSamples> BUILT = new HashMap<>();

    static synchronized ElfSamples of(ElfTarget target, Path root) {
        Path dir = root.resolve(target.triple);
        return BUILT.computeIfAbsent(dir, d -> build(target, d));
    }

    private static ElfSamples build(ElfTarget target, Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("demo.c"), LIBRARY_SOURCE);
            Files.writeString(dir.resolve("main.c"), MAIN_SOURCE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String gcc = target.tool("gcc");
        NativeTools.run(dir, gcc, "-g", "-O0", "-shared", "-fPIC", "-Wl,-soname,libdemo.so.1", "-Wl,--no-as-needed",
                "demo.c", "-lm", "-o", "libdemo.so");
        NativeTools.run(dir, gcc, "-g", "main.c", "-L.", "-ldemo", "-Wl,-rpath,$ORIGIN/../lib",
                "-Wl,--enable-new-dtags", "-o", "demo");
        NativeTools.run(dir, gcc, "-g", "-c", "-fPIC", "demo.c", "-o", "demo.o");
        NativeTools.run(dir, target.tool("objcopy"), "--only-keep-debug", "libdemo.so", "libdemo.so.debug");
        NativeTools.run(dir, target.tool("strip"), "--strip-unneeded", "libdemo.so", "-o", "libdemo.stripped.so");
        NativeTools.run(dir, target.tool("objcopy"), "--add-gnu-debuglink=libdemo.so.debug", "libdemo.stripped.so",
                "libdemo.linked.so");
        return new ElfSamples(dir, dir.resolve("libdemo.so"), dir.resolve("demo"), dir.resolve("demo.o"),
                dir.resolve("libdemo.so.debug"), dir.resolve("libdemo.stripped.so"), dir.resolve("libdemo.linked.so"));
    }
}
