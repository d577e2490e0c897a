package dev.crossbuild.nativebuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbuild.crossfile.BuiltInOptions;
import dev.crossbuild.crossfile.MachineConfig;
import dev.crossbuild.crossfile.OptionOverride;
import dev.crossbuild.machine.MachineRole;
import dev.crossbuild.toolchain.Compiler;
import dev.crossbuild.toolchain.CompilerId;
import dev.crossbuild.toolchain.Language;
import dev.crossbuild.toolchain.Tool;
import dev.crossbuild.toolchain.Toolchain;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Library naming and Meson's b_lundef with the Debian aarch64 cross toolchain: a versioned library with its SONAME and
 * symbolic links, both libraries from one set of objects, a library and an executable of one name, an under-linked
 * library that fails at link time.
 */
class NativeLinkerNamingAarch64Test {

    private static final String TRIPLE = "aarch64-linux-gnu";

    @TempDir
    Path directory;

    private static String readelf(String... args) throws Exception {
        return CrossProject.tool(TRIPLE + "-readelf", args);
    }

    @Test
    void versionedBothAndSameNamedTargetsLinkAndRunAndThePackedLibraryIsNamedBySoname() throws Exception {
        CrossProject project = new CrossProject(directory, TestSetups.LINUX_ARM64, TRIPLE)
                .source("z", "z.c", "int z_version(void) { return 131; }\n")
                .source("util", "util.c", "int util_twice(int x) { return 2 * x; }\n")
                .source("lualib", "lua.c", "int lua_answer(void) { return 42; }\n")
                .source("luaexe", "main.c", "#include <stdio.h>\nint z_version(void);\nint util_twice(int);\n"
                        + "int lua_answer(void);\n"
                        + "int main(void) { printf(\"%d %d %d\\n\", z_version(), util_twice(21), lua_answer()); }\n");
        NativeTarget z = NativeTarget.builder("z", TargetKind.SHARED_LIBRARY)
                .sourceDirectories(List.of(directory.resolve("src/z"))).version(java.util.Optional.of("1.3.1"))
                .soversion(java.util.Optional.of("1")).build();
        NativeTarget util = project.target("util", TargetKind.BOTH_LIBRARIES);
        NativeTarget luaLibrary = NativeTarget.builder("lua", TargetKind.SHARED_LIBRARY)
                .sourceDirectories(List.of(directory.resolve("src/lualib"))).build();
        NativeTarget luaExecutable = NativeTarget.builder("lua", TargetKind.EXECUTABLE)
                .sourceDirectories(List.of(directory.resolve("src/luaexe"))).libraries(List.of("lua", "z", "util"))
                .build();
        List<NativeTarget> targets = List.of(z, util, luaLibrary, luaExecutable);
        project.compile(targets);
        try (Stream<Path> objects = Files.list(project.file("obj/library/util"))) {
            assertEquals(List.of("util.c.o"), objects.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".o")).toList(), "both libraries: one set of objects");
        }
        assertTrue(Files.isRegularFile(project.file("obj/library/lua/lua.c.o")));
        assertTrue(Files.isRegularFile(project.file("obj/executable/lua/main.c.o")));

        LinkResult result = project.link(targets, true);

        assertEquals(5, result.linked(), project.lines.toString());
        Path real = project.file("lib/libz.so.1.3.1");
        assertTrue(Files.isRegularFile(real));
        assertEquals(Path.of("libz.so.1.3.1"), Files.readSymbolicLink(project.file("lib/libz.so.1")));
        assertEquals(Path.of("libz.so.1"), Files.readSymbolicLink(project.file("lib/libz.so")));
        assertTrue(readelf("-d", real.toString()).contains("Library soname: [libz.so.1]"));
        assertTrue(Files.isRegularFile(project.file("lib/libutil.so")));
        assertTrue(Files.isRegularFile(project.file("lib/libutil.a")));
        String needed = readelf("-d", project.file("bin/lua").toString());
        assertTrue(needed.contains("Shared library: [libz.so.1]"), needed);
        assertTrue(needed.contains("Shared library: [libutil.so]"), needed);
        assertTrue(needed.contains("Shared library: [liblua.so]"), needed);
        String qemu = CrossProject.require("qemu-aarch64").toString();
        assertEquals("131 42 42\n", CrossProject.run(Map.of(), qemu, "-L", "/usr/" + TRIPLE,
                project.file("bin/lua").toString()));

        LinkedOutput zOutput = result.outputs().stream().filter(o -> o.file().equals(real)).findFirst().orElseThrow();
        assertEquals("libz.so.1", zOutput.runtimeName());
        assertEquals(List.of("lib/libz.so.1", "lib/libz.so"), zOutput.facts().get("aliases"));
        Path jar = directory.resolve("natives.jar");
        NativeJar.write(jar, "linux-aarch_64", result.outputs(), false);
        try (JarFile file = new JarFile(jar.toFile())) {
            assertTrue(file.getEntry("META-INF/native/linux-aarch_64/libz.so.1") != null);
            assertTrue(file.getEntry("META-INF/native/linux-aarch_64/libz.so.1.3.1") == null);
            String index = new String(file.getInputStream(file.getEntry("META-INF/native/linux-aarch_64/index.tsv"))
                    .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(index.contains("\nlibrary\tz\tlibz.so.1\t"), index);
            assertTrue(index.contains("\nfile\tlua\tlua\t"), index);
            assertTrue(index.contains("\nfile\tutil\tlibutil.a\t"), index);
        }

        // Up to date: nothing linked; a removed link is made again without a link.
        Files.delete(project.file("lib/libz.so"));
        LinkResult again = project.link(targets, true);
        assertEquals(0, again.linked(), project.lines.toString());
        assertEquals(Path.of("libz.so.1"), Files.readSymbolicLink(project.file("lib/libz.so")));
    }

    @Test
    void anUnderLinkedSharedLibraryFailsAtLinkTimeUnlessBLundefIsFalse() throws Exception {
        CrossProject project = new CrossProject(directory, TestSetups.LINUX_ARM64, TRIPLE)
                .source("trig", "trig.c", "#include <math.h>\ndouble trig(double x) { return cos(x); }\n");
        NativeTarget trig = project.target("trig", TargetKind.SHARED_LIBRARY);
        project.compile(List.of(trig));

        LinkException e = assertThrows(LinkException.class, () -> project.link(List.of(trig), false));
        assertTrue(e.getMessage().contains("undefined reference to `cos'"), e.getMessage());
        assertTrue(e.getMessage().contains("-Wl,--no-undefined"), e.getMessage());
        assertTrue(e.getMessage().contains("<linkerArgs><arg>-lm</arg></linkerArgs>"), e.getMessage());
        assertTrue(e.getMessage().contains("<noUndefined>false</noUndefined>"), e.getMessage());
        assertFalse(Files.exists(project.file("lib/libtrig.so")));

        project.setup = project.setup.withOptions(BuiltInOptions.resolve(MachineConfig.empty(),
                List.of(OptionOverride.of("b_lundef", "false", "test"))));
        project.link(List.of(trig), false);
        assertTrue(readelf("--dyn-syms", "-W", project.file("lib/libtrig.so").toString()).contains("UND cos"));
    }

    @Test
    void aLibraryNothingUsesIsNotNeededUnlessBAsneededIsFalse() throws Exception {
        // clang, whose links record every -l unless told otherwise (Debian's gcc links --as-needed by itself)
        CrossProject project = new CrossProject(directory, TestSetups.LINUX_ARM64, TRIPLE)
                .source("plain", "plain.c", "int plain(int x) { return x + 1; }\n");
        Compiler clang = new Compiler(Language.C, new Tool("c", List.of(CrossProject.require("clang").toString(),
                "--target=" + TRIPLE), "test"), new CompilerId("clang", "14.0.6", TRIPLE, Optional.empty()));
        Toolchain gnu = project.setup.toolchain();
        project.setup = TestSetups.setup(project.layout.root(), TestSetups.LINUX_ARM64, new Toolchain(
                MachineRole.HOST, TestSetups.LINUX_ARM64, Map.of(Language.C, clang), gnu.ar(), gnu.ranlib(),
                gnu.strip(), gnu.objcopy(), Optional.empty()), Map.of());
        NativeTarget plain = NativeTarget.builder("plain", TargetKind.SHARED_LIBRARY)
                .sourceDirectories(List.of(directory.resolve("src/plain"))).linkerArgs(List.of("-lm")).build();
        project.compile(List.of(plain));

        project.link(List.of(plain), false);
        String asNeeded = readelf("-d", project.file("lib/libplain.so").toString());
        assertFalse(asNeeded.contains("[libm.so.6]"), "Meson's b_asneeded: -lm, unused, is not needed\n" + asNeeded);

        project.setup = project.setup.withOptions(BuiltInOptions.resolve(MachineConfig.empty(),
                List.of(OptionOverride.of("b_asneeded", "false", "test"))));
        project.link(List.of(plain), false);
        assertTrue(readelf("-d", project.file("lib/libplain.so").toString()).contains("[libm.so.6]"));
    }
}
