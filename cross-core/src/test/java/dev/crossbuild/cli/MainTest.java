package dev.crossbuild.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.crossbuild.exec.HostEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MainTest {

    private static final String AARCH64 = """
            [binaries]
            c = 'aarch64-linux-gnu-gcc'
            [properties]
            answer = 42
            [host_machine]
            system = 'linux'
            cpu_family = 'aarch64'
            cpu = 'cortex-a53'
            endian = 'little'
            """;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        HostEnvironment environment = HostEnvironment.of(
                Map.of("HOME", dir.toString(), "XDG_DATA_HOME", dir.resolve("xdg").toString(),
                        "XDG_DATA_DIRS", dir.resolve("xdg-dirs").toString(),
                        "PATH", HostEnvironment.system().variable("PATH").orElse("/usr/bin:/bin")),
                Map.of("os.name", "Linux", "os.arch", "amd64", "sun.cpu.endian", "little",
                        "user.home", dir.toString()),
                dir);
        return new Main(environment, print(out), print(err)).run(List.of(args));
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void introspectPrintsMachinesOfACrossFile() throws IOException {
        Files.writeString(dir.resolve("arm64.ini"), AARCH64);

        assertEquals(0, run("introspect", "--cross-file", "arm64.ini"), stderr());

        String json = stdout();
        assertTrue(json.contains("  \"host\": {\n    \"system\": \"linux\",\n    \"cpu_family\": \"aarch64\",\n"
                + "    \"cpu\": \"cortex-a53\",\n    \"endian\": \"little\",\n    \"kernel\": null,\n"
                + "    \"subsystem\": null,\n    \"is_64_bit\": true\n  },"), json);
        assertTrue(json.contains("\"build\": {\n    \"system\": \"linux\",\n    \"cpu_family\": \"x86_64\""), json);
        assertTrue(json.contains("\"is_cross_build\": true"), json);
        assertTrue(json.contains("\"can_run_host_binaries\": false"), json);
        assertTrue(json.contains("\"c\": [\"aarch64-linux-gnu-gcc\"]"), json);
        assertTrue(json.contains("\"answer\": 42"), json);
        assertTrue(json.contains("\"classifier\": \"linux-aarch_64\""), json);
    }

    @Test
    void introspectWithoutCrossFileIsANativeBuild() {
        assertEquals(0, run("introspect"), stderr());

        assertTrue(stdout().contains("\"is_cross_build\": false"), stdout());
        assertTrue(stdout().contains("\"can_run_host_binaries\": true"), stdout());
        assertTrue(stdout().contains("\"classifier\": \"linux-x86_64\""), stdout());
    }

    @Test
    void introspectFindsBundledPresets() {
        assertEquals(0, run("introspect", "--cross-file=linux-arm64.ini"), stderr());

        assertTrue(stdout().contains("\"cross_files\": [\"preset:linux-arm64.ini\"]"), stdout());
        assertTrue(stdout().contains("\"cpu_family\": \"aarch64\""), stdout());
    }

    @Test
    void laterCrossFilesOverrideEarlierOnes() throws IOException {
        Files.writeString(dir.resolve("base.ini"), AARCH64);
        Files.writeString(dir.resolve("override.ini"), "[host_machine]\ncpu = 'cortex-a72'\n");

        assertEquals(0, run("introspect", "--cross-file", "base.ini", "--cross-file", "override.ini"), stderr());

        assertTrue(stdout().contains("\"cpu\": \"cortex-a72\""), stdout());
    }

    @Test
    void malformedFileExitsTwoWithFileAndLine() throws IOException {
        Files.writeString(dir.resolve("broken.ini"), "[binaries]\nar = 'ar'\nc = \"gcc\"\n");

        assertEquals(2, run("introspect", "--cross-file", "broken.ini"));

        assertTrue(stderr().startsWith(dir.resolve("broken.ini") + ":3: "), stderr());
        assertTrue(stderr().contains("'c'"), stderr());
        assertEquals("", stdout());
    }

    @Test
    void aFileBeyondTheParserLimitsExitsTwoWithOneLineAndNoStackTrace() throws IOException {
        // issue 14: this once ended in a StackOverflowError and 1,024 lines of stack trace, exit 1
        Files.writeString(dir.resolve("deep.ini"), "[properties]\nx = " + "[".repeat(2_000) + "]".repeat(2_000)
                + "\n" + AARCH64.replace("[properties]\n", "[more]\n"));

        int status = assertTimeoutPreemptively(Duration.ofSeconds(5),
                () -> run("introspect", "--cross-file", "deep.ini"));

        assertEquals(2, status);
        assertEquals(List.of(dir.resolve("deep.ini") + ":2: value of 'x' nests [...] and (...) more than 32 levels"
                + " deep, over the limit for one value; machine-file values need one or two levels"),
                stderr().lines().toList());
        assertEquals("", stdout());
    }

    @Test
    void everyParserLimitRecipeExitsTwoWithOneFileLineLine() throws IOException {
        StringBuilder doubling = new StringBuilder("[constants]\nc0 = 'aaaaaaaaaa'\n");
        for (int i = 1; i <= 40; i++) {
            doubling.append("c").append(i).append(" = c").append(i - 1).append(" + c").append(i - 1).append("\n");
        }
        Map<String, String> recipes = Map.of(
                "nest10000.ini", "[constants]\nx = " + "[".repeat(10_000) + "]".repeat(10_000) + "\n",
                "plus8000.ini", "[constants]\nx = " + "'a' + ".repeat(8_000) + "'a'\n",
                "dirname.ini", "[constants]\nx = '" + "@DIRNAME@".repeat(10_000) + "'\n",
                "doubling.ini", doubling.toString());
        for (Map.Entry<String, String> recipe : recipes.entrySet()) {
            Files.writeString(dir.resolve(recipe.getKey()), recipe.getValue() + AARCH64);
            err.reset();

            int status = assertTimeoutPreemptively(Duration.ofSeconds(5),
                    () -> run("introspect", "--cross-file", recipe.getKey()));

            assertEquals(2, status, recipe.getKey());
            List<String> lines = stderr().lines().toList();
            assertEquals(1, lines.size(), stderr());
            assertTrue(lines.get(0).matches(java.util.regex.Pattern.quote(dir.resolve(recipe.getKey()).toString())
                    + ":\\d+: value of '\\w+' .*limit.*"), lines.get(0));
        }
    }

    @Test
    void aFileOverTheSizeLimitExitsTwoWithOneLine() throws IOException {
        Files.writeString(dir.resolve("huge.ini"), AARCH64 + "# padding\n".repeat(120_000));

        assertEquals(2, run("introspect", "--cross-file", "huge.ini"));

        assertEquals(List.of(dir.resolve("huge.ini") + ": the machine file is larger than the limit of 1,048,576"
                + " bytes (1 MiB); machine files are small text files (Meson's own are at most a few KB): is this the"
                + " right file?"), stderr().lines().toList());
    }

    @Test
    void aNulByteInABinaryExitsTwoWithFileAndLineForIntrospectAndDoctor() throws IOException {
        // issue 14: introspect passed it on, and the doctor died with an InvalidPathException trace
        Files.writeString(dir.resolve("nul.ini"), AARCH64.replace("'aarch64-linux-gnu-gcc'", "'gcc\0x'"));

        for (String command : List.of("introspect", "doctor")) {
            err.reset();
            assertEquals(2, run(command, "--cross-file", "nul.ini"), command);
            assertEquals(List.of(dir.resolve("nul.ini") + ":2: value of 'c' contains the control character U+0000"
                    + " (NUL) at column 9, which cannot be part of a path or a command-line argument; machine files"
                    + " are text, and control characters other than tab are not allowed: remove it"),
                    stderr().lines().toList(), command);
        }
    }

    @Test
    void missingFileExitsTwoAndSaysWhereItLooked() {
        assertEquals(2, run("introspect", "--cross-file", "no-such.ini"));

        assertTrue(stderr().contains("no-such.ini"), stderr());
        assertTrue(stderr().contains(dir.resolve("xdg").resolve("meson/cross/no-such.ini").toString()), stderr());
    }

    @Test
    void helpDescribesTheCommandAndListsPresets() {
        assertEquals(0, run("--help"));

        assertTrue(stdout().contains("introspect"), stdout());
        assertTrue(stdout().contains("linux-arm64.ini"), stdout());
    }

    @Test
    void badUsageExitsTwoWithAHint() {
        assertEquals(2, run());
        assertTrue(stderr().contains("no command given"), stderr());

        err.reset();
        assertEquals(2, run("introspect", "--cross-file"));
        assertTrue(stderr().contains("--cross-file needs a file name"), stderr());

        err.reset();
        assertEquals(2, run("introspect", "--frobnicate"));
        assertTrue(stderr().contains("unknown option '--frobnicate'"), stderr());
        assertTrue(stderr().contains("--help"), stderr());
    }

    @Test
    void sysrootNeedsPackagesAndOfflineWithAColdCacheExitsOneNamingThem() throws IOException {
        Files.writeString(dir.resolve("arm64.ini"), AARCH64);

        assertEquals(2, run("sysroot", "--cross-file", "arm64.ini"));
        assertTrue(stderr().contains("sysroot needs packages: --package P"), stderr());

        err.reset();
        assertEquals(1, run("sysroot", "--cross-file", "arm64.ini", "--package", "zlib1g-dev", "--offline",
                "--cache", "cold"));
        assertEquals("cross: offline (-o), and the cache has no package index for arm64 yet: the sysroot packages "
                + "zlib1g-dev (arm64) must be fetched from the Debian archive once\nbuild once without -o (or run mvn "
                + "cross:sysroot), then offline builds use the cached sysroot\n", stderr());
        assertEquals("", stdout());
        assertTrue(Files.isDirectory(dir.resolve("cold/.apt/arm64-system")), "--cache is relative to the working folder");
    }

    @Test
    void doctorSaysReadyForAnInstalledPresetAndExitsZero() {
        assertEquals(0, run("doctor", "--cross-file", "linux-arm64.ini"), stdout() + stderr());

        assertTrue(stdout().contains("[OK]      C compiler: /usr/bin/aarch64-linux-gnu-gcc (gcc "), stdout());
        assertTrue(stdout().strip().endsWith("Ready to build."), stdout());
    }

    @Test
    void doctorExitsOneWithTheRemedyWhenACompilerIsMissing() throws IOException {
        Files.writeString(dir.resolve("bad.ini"), """
                [binaries]
                c = 'no-such-gcc'
                [host_machine]
                system = 'linux'
                cpu_family = 'aarch64'
                cpu = 'aarch64'
                endian = 'little'
                """);

        assertEquals(1, run("doctor", "--cross-file", "bad.ini", "--language", "c"));

        assertTrue(stdout().contains("[MISSING] C compiler: no-such-gcc (" + dir.resolve("bad.ini") + ":2 [binaries] c)"), stdout());
        assertTrue(stdout().contains(" -> "), stdout());
        assertTrue(stdout().contains("Not ready: 1 blocking problem from 1 root cause"), stdout());
    }

    @Test
    void doctorPrintsJsonOnRequest() {
        assertEquals(0, run("doctor", "--cross-file", "linux-arm64.ini", "--json", "--language=c"));

        assertTrue(stdout().startsWith("{\n  \"ready\": true,\n  \"findings\": ["), stdout());
        assertTrue(stdout().contains("\"id\": \"compiler.c\""), stdout());
    }

    @Test
    void aMissingStripBlocksOnlyWhenStripping() throws IOException {
        Files.writeString(dir.resolve("nostrip.ini"), """
                [binaries]
                c = 'aarch64-linux-gnu-gcc'
                strip = 'no-such-strip'
                [host_machine]
                system = 'linux'
                cpu_family = 'aarch64'
                cpu = 'aarch64'
                endian = 'little'
                """);

        assertEquals(1, run("doctor", "--cross-file", "nostrip.ini", "--language", "c"), stdout());
        out.reset();
        assertEquals(0, run("doctor", "--cross-file", "nostrip.ini", "--language", "c", "--no-strip"), stdout());
    }

    @Test
    void doctorChecksALibraryOnRequestAndNamesThePackage() {
        // This machine has no zlib for arm64 (the install script leaves multiarch out), so the check must say so.
        assumeFalse(Files.exists(Path.of("/usr/lib/aarch64-linux-gnu/libz.so")), "zlib for arm64 is installed here");

        assertEquals(1, run("doctor", "--cross-file", "linux-arm64.ini", "--language", "c", "--library", "zlib"),
                stdout());

        assertTrue(stdout().contains("[MISSING] zlib for linux/aarch64: "), stdout());
        assertTrue(stdout().contains("sudo dpkg --add-architecture arm64 && sudo apt-get update && sudo apt-get "
                + "install zlib1g-dev:arm64"), stdout());
        out.reset();
        assertEquals(0, run("doctor", "--cross-file", "linux-arm64.ini", "--language", "c"), stdout());
        assertFalse(stdout().contains("zlib"), stdout());
    }

    @Test
    void doctorChecksTheBuildMachinesCompilerWithBuildLanguage() throws IOException {
        Files.writeString(dir.resolve("native.ini"), "[binaries]\nc = 'no-such-cc'\n");

        assertEquals(1, run("doctor", "--cross-file", "linux-arm64.ini", "--native-file", "native.ini", "--language",
                "c", "--build-language", "c"), stdout() + stderr());

        String file = dir.resolve("native.ini").toString();
        assertTrue(stdout().contains("\n[MISSING] C compiler for the build machine: no-such-cc (" + file + ":2 "
                + "[binaries] c) was not found on PATH -> install no-such-cc or correct [binaries] c at " + file
                + ":2\n"), stdout());
        out.reset();
        assertEquals(0, run("doctor", "--cross-file", "linux-arm64.ini", "--native-file", "native.ini", "--language",
                "c"), stdout());
        assertFalse(stdout().contains("for the build machine"), stdout());
        out.reset();
        assertEquals(0, run("doctor", "--cross-file", "linux-arm64.ini", "--language", "c", "--build-language=c"),
                stdout());
        assertTrue(stdout().contains("\n[OK]      C compiler for the build machine: /usr/bin/cc (gcc "), stdout());
    }

    @Test
    void theBuildLanguageOptionNeedsCOrCpp() {
        assertEquals(2, run("doctor", "--build-language"));
        assertTrue(stderr().contains("--build-language needs a language (c or cpp)"), stderr());
        err.reset();
        assertEquals(2, run("doctor", "--build-language", "rust"));
        assertTrue(stderr().contains("unknown language 'rust'; use c or cpp"), stderr());
    }

    @Test
    void theLibraryOptionNeedsAName() {
        assertEquals(2, run("doctor", "--library"));
        assertTrue(stderr().contains("--library needs a library name (zlib)"), stderr());
    }

    @Test
    void doctorRejectsAnUnknownLanguage() {
        assertEquals(2, run("doctor", "--language", "rust"));
        assertTrue(stderr().contains("unknown language 'rust'; use c or cpp"), stderr());
    }

    @Test
    void doctorReportsTheCompilerCacheAndTheFarmAsABuildWouldUseThem() {
        assertEquals(0, run("doctor", "--cross-file", "linux-arm64.ini", "--language", "c"), stdout() + stderr());
        assertTrue(stdout().contains("[OK]      Compiler cache: /usr/bin/ccache (cross.ccache=false turns it off)"),
                stdout());

        out.reset();
        assertEquals(0, run("doctor", "--cross-file", "linux-arm64.ini", "--language", "c", "--no-ccache",
                "--launcher", "distcc"), stdout() + stderr());
        assertTrue(stdout().contains("Compiler cache: off (cross.ccache=false)"), stdout());
        assertTrue(stdout().contains("Compile farm: /usr/bin/distcc (cross.launcher), "), stdout());
    }

    @Test
    void theLauncherOptionTakesDistccOrIcecc() {
        assertEquals(2, run("doctor", "--launcher", "gcc"));
        assertTrue(stderr().contains("--launcher is 'gcc'; give distcc or icecc"), stderr());
        err.reset();
        assertEquals(2, run("doctor", "--launcher"));
        assertTrue(stderr().contains("--launcher needs a program (distcc or icecc)"), stderr());
    }
}
