package dev.crossbuild.nativebuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbuild.json.JsonReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The portability gate on real links: an aarch64 executable from Debian 12's toolchain (glibc 2.36) against
 * {@code maxGlibc 2.17}, with each symbol's object found; libraries outside the system set; an executable stack,
 * text relocations and a run path into the build folder; MinGW C++ DLLs importing the GCC runtime, and passing with
 * {@code -static-libgcc -static-libstdc++}; reported or enforced; reused while up to date and the policy unchanged.
 */
class NativeLinkerPortabilityTest {

    private static final String AARCH64 = "aarch64-linux-gnu";
    private static final String MINGW = "x86_64-w64-mingw32";
    private static final String TOOL = """
            #include <pthread.h>
            #include <stdio.h>
            #include <stdlib.h>
            int helper_value(void);
            static void *run(void *arg) { return arg; }
            int main(void) {
                pthread_t thread;
                pthread_create(&thread, 0, run, 0);
                pthread_join(thread, 0);
                printf("%d %u\\n", helper_value(), arc4random() & 1u);
                return 0;
            }
            """;

    @TempDir
    Path directory;

    private PortabilityPolicy policy(boolean enforce, String maxGlibc, String... allowed) {
        return new PortabilityPolicy(false, enforce, Optional.ofNullable(maxGlibc), Optional.empty(), List.of(allowed),
                List.of(directory));
    }

    private CrossProject glibcProject() throws Exception {
        return new CrossProject(directory, TestSetups.LINUX_ARM64, AARCH64)
                .source("tool", "main.c", TOOL)
                .source("helper", "helper.c", "int helper_value(void) { return 42; }\n");
    }

    private List<NativeTarget> glibcTargets(CrossProject project) {
        return List.of(project.target("helper", TargetKind.STATIC_LIBRARY),
                project.target("tool", TargetKind.EXECUTABLE, "helper"));
    }

    @Test
    void symbolsAboveMaxGlibcAreReportedWithTheObjectsThatNeedThem() throws Exception {
        CrossProject project = glibcProject();
        List<NativeTarget> targets = glibcTargets(project);
        project.compile(targets);

        LinkResult result = project.link(targets, true, policy(false, "2.17"));

        List<String> warnings = project.lines.stream().filter(l -> l.startsWith("WARN ")).toList();
        assertTrue(warnings.contains("WARN portability: bin/tool: pthread_create@GLIBC_2.34 (libc.so.6) is newer than "
                + "maxGlibc 2.17; referenced by obj/executable/tool/main.c.o"), warnings.toString());
        assertTrue(warnings.contains("WARN portability: bin/tool: arc4random@GLIBC_2.36 (libc.so.6) is newer than "
                + "maxGlibc 2.17; referenced by obj/executable/tool/main.c.o"), warnings.toString());
        // every executable linked against glibc 2.34+ needs it: crt1.o's call, not the target's
        assertTrue(warnings.contains("WARN portability: bin/tool: __libc_start_main@GLIBC_2.34 (libc.so.6) is newer "
                + "than maxGlibc 2.17; no object of the target references it: it comes from the C runtime's startup "
                + "files (crt1.o) or a library linked in"), warnings.toString());
        assertTrue(warnings.stream().anyMatch(l -> l.startsWith("WARN portability: Remedy (glibc): Build against an "
                + "older C library")), warnings.toString());
        assertTrue(warnings.get(warnings.size() - 1).matches("WARN portability: [45] problems in 1 of 1 outputs "
                + "\\(maxGlibc 2.17\\); <portability><enforce>true</enforce> \\(or -Dcross.portability.enforce=true\\) "
                + "fails the build on them"), warnings.toString());
        assertFalse(warnings.stream().anyMatch(l -> l.contains("printf")), "printf is GLIBC_2.17: " + warnings);

        // outputs.json: the tool's entry has the policy and the problems; the archive has no portability field
        Map<String, Object> json = JsonReader.parseObject(Files.readString(project.file("outputs.json")));
        List<?> outputs = (List<?>) json.get("outputs");
        Map<?, ?> tool = outputs.stream().map(o -> (Map<?, ?>) o).filter(o -> o.get("file").equals("bin/tool"))
                .findFirst().orElseThrow();
        Map<?, ?> portability = (Map<?, ?>) tool.get("portability");
        assertEquals("2.17", ((Map<?, ?>) portability.get("policy")).get("max_glibc"));
        List<?> problems = (List<?>) portability.get("problems");
        Map<?, ?> pthread = problems.stream().map(p -> (Map<?, ?>) p)
                .filter(p -> p.get("subject").equals("pthread_create@GLIBC_2.34")).findFirst().orElseThrow();
        assertEquals("glibc", pthread.get("check"));
        assertEquals(List.of("obj/executable/tool/main.c.o"), pthread.get("objects"));
        assertTrue(outputs.stream().map(o -> (Map<?, ?>) o).filter(o -> o.get("file").equals("lib/libhelper.a"))
                .noneMatch(o -> o.containsKey("portability")));
        assertEquals(result.outputs().get(1).facts().get("portability"), tool.get("portability"));
    }

    @Test
    void enforcedTheLinkFailsNamingEachProblemAndKeepsTheOutputs() throws Exception {
        CrossProject project = glibcProject();
        List<NativeTarget> targets = glibcTargets(project);
        project.compile(targets);

        PortabilityException failure = assertThrows(PortabilityException.class,
                () -> project.link(targets, true, policy(true, "2.17")));

        String message = failure.getMessage();
        assertTrue(message.startsWith("Portability (<portability><enforce>true</enforce>, maxGlibc 2.17): "), message);
        assertTrue(message.contains("\n  bin/tool: pthread_create@GLIBC_2.34 (libc.so.6) is newer than maxGlibc 2.17; "
                + "referenced by obj/executable/tool/main.c.o\n"), message);
        assertTrue(message.contains("\n  bin/tool: __libc_start_main@GLIBC_2.34 (libc.so.6)"), message);
        assertTrue(message.contains("\nRemedy (glibc): Build against an older C library"), message);
        assertEquals("bin/tool", failure.value());
        assertTrue(failure.problems().stream().allMatch(p -> p.check().equals(PortabilityProblem.GLIBC)));
        assertFalse(project.lines.stream().anyMatch(l -> l.startsWith("WARN portability")), "enforced: no warnings");
        assertTrue(Files.isRegularFile(project.file("bin/tool")), "the output is kept");

        // up to date: the recorded problems are reused, not checked again (a changed record shows through)
        Path outputsJson = project.file("outputs.json");
        Files.writeString(outputsJson, Files.readString(outputsJson).replace("referenced by obj/executable/tool/main.c.o",
                "referenced by (as recorded)"));
        PortabilityException again = assertThrows(PortabilityException.class,
                () -> project.link(targets, true, policy(true, "2.17")));
        assertEquals(failure.getMessage().replace("referenced by obj/executable/tool/main.c.o", "referenced by (as recorded)"),
                again.getMessage());

        // another limit: checked again; 2.36 allows every one of them
        LinkResult relaxed = project.link(targets, true, policy(true, "2.36"));
        assertEquals(0, relaxed.linked());
        Map<?, ?> portability = (Map<?, ?>) relaxed.outputs().get(1).facts().get("portability");
        assertEquals(List.of(), portability.get("problems"));
        assertEquals("2.36", ((Map<?, ?>) portability.get("policy")).get("max_glibc"));

        // skipped: the field goes
        LinkResult skipped = project.link(targets, true, new PortabilityPolicy(true, true,
                Optional.of("2.17"), Optional.empty(), List.of(), List.of()));
        assertFalse(skipped.outputs().get(1).facts().containsKey("portability"));
        assertFalse(Files.readString(outputsJson).contains("\"portability\""));
    }

    @Test
    void librariesExecutableStackTextRelocationsAndRunPathsIntoTheBuildFolder() throws Exception {
        Path external = directory.resolve("external");
        Files.createDirectories(external);
        Files.writeString(external.resolve("extra.c"), "int extra_value(void) { return 7; }\n");
        CrossProject.tool(AARCH64 + "-gcc", "-shared", "-fPIC",
                external.resolve("extra.c").toString(), "-o", external.resolve("libextra.so").toString());
        CrossProject project = new CrossProject(directory, TestSetups.LINUX_ARM64, AARCH64)
                .source("demo", "demo.c", "int extra_value(void);\nint demo(void) { return extra_value(); }\n")
                .source("loose", "loose.c", """
                        int textrel_target;
                        __asm__(".text\\n.globl textrel_word\\n.p2align 3\\ntextrel_word: .quad textrel_target\\n");
                        int touch(void) { return textrel_target; }
                        """)
                .source("tool", "main.c", "int demo(void);\nint main(void) { return demo() == 7 ? 0 : 1; }\n");
        NativeTarget demo = project.target("demo", TargetKind.SHARED_LIBRARY).toBuilder()
                .linkerArgs(List.of("-L" + external, "-lextra", "-Wl,-z,execstack")).build();
        NativeTarget loose = project.target("loose", TargetKind.SHARED_LIBRARY);
        Path buildFolder = project.file("lib");
        NativeTarget tool = project.target("tool", TargetKind.EXECUTABLE, "demo").toBuilder()
                .linkerArgs(List.of("-Wl,-rpath-link," + external, "-Wl,-rpath," + buildFolder)).build();
        List<NativeTarget> targets = List.of(demo, loose, tool);
        project.compile(targets);

        project.link(targets, true, policy(false, null));

        List<String> warnings = project.lines.stream().filter(l -> l.startsWith("WARN portability: lib/")
                || l.startsWith("WARN portability: bin/")).toList();
        assertEquals(List.of(
                "WARN portability: lib/libdemo.so: needs libextra.so, which is not a system library of linux (glibc, "
                        + "musl and GCC runtime), nor one of the module's libraries or <allowedLibraries>",
                "WARN portability: lib/libdemo.so: asks for an executable stack (PT_GNU_STACK with PF_X); every "
                        + "object has a non-executable .note.GNU-stack, so the link asked for it (-z execstack)",
                "WARN portability: lib/libloose.so: has text relocations (DT_TEXTREL): the loader must write into its "
                        + "code",
                "WARN portability: bin/tool: DT_RUNPATH " + buildFolder + " points into the build folder " + directory
                        + ", which exists only on the build machine"), warnings);
        // libdemo.so, the module's own library, is fine for bin/tool; $ORIGIN/../lib too
        assertFalse(warnings.stream().anyMatch(l -> l.contains("needs libdemo.so")), warnings.toString());
        assertTrue(project.lines.contains("WARN portability: 4 problems in 3 of 3 outputs; <portability><enforce>true"
                + "</enforce> (or -Dcross.portability.enforce=true) fails the build on them"), project.lines.toString());

        // allowed by name pattern: no longer reported (the policy changed, so the outputs are checked again)
        project.link(targets, true, policy(false, null, "libextra.*"));
        assertFalse(project.lines.stream().anyMatch(l -> l.contains("libextra")), project.lines.toString());
    }

    @Test
    void mingwCppDllsImportingTheGccRuntimeAreFlaggedAndPassWhenItIsLinkedStatically() throws Exception {
        String cpp = """
                #include <stdexcept>
                #include <string>
                extern "C" __declspec(dllexport) int describe(int n) {
                    std::string text(n, 'x');
                    if (n < 0) throw std::runtime_error("negative");
                    return (int) text.size();
                }
                """;
        CrossProject project = new CrossProject(directory, TestSetups.WINDOWS_X64, MINGW)
                .source("plain", "plain.cpp", cpp)
                .source("static-runtime", "static.cpp", cpp);
        NativeTarget plain = project.target("plain", TargetKind.SHARED_LIBRARY);
        NativeTarget staticRuntime = project.target("static-runtime", TargetKind.SHARED_LIBRARY).toBuilder()
                .linkerArgs(List.of("-static-libgcc", "-static-libstdc++")).build();
        project.compile(List.of(plain, staticRuntime));

        PortabilityException failure = assertThrows(PortabilityException.class,
                () -> project.link(List.of(plain, staticRuntime), true, policy(true, "2.17")));

        assertEquals(List.of("bin/plain.dll: imports libgcc_s_seh-1.dll, a DLL of MinGW's GCC runtime that Windows "
                        + "machines without MinGW do not have",
                "bin/plain.dll: imports libstdc++-6.dll, a DLL of MinGW's GCC runtime that Windows machines without "
                        + "MinGW do not have"),
                failure.problems().stream().map(PortabilityProblem::line).sorted().toList());
        assertTrue(failure.getMessage().contains("\nRemedy (mingw_runtime): libstdc++-6.dll: add -static-libgcc "
                + "-static-libstdc++ to <linkerArgs>"), failure.getMessage());
        assertEquals("bin/plain.dll", failure.value());
        // the win32-thread g++ with the static flags: only KERNEL32.dll and msvcrt.dll, both Windows' own
        assertTrue(failure.problems().stream().noneMatch(p -> p.output().equals("bin/static-runtime.dll")));

        // shipped beside it and allowed: passes
        project.link(List.of(plain, staticRuntime), true, policy(true, null, "LIBSTDC++-6.DLL", "libgcc_s_*.dll"));
    }
}
