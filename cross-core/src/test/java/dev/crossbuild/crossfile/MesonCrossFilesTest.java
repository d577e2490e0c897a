package dev.crossbuild.crossfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbuild.testing.Fixtures;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Meson's own {@code cross/*.txt} files and the machine files of Meson's test suite (spec 6, 7.1). */
class MesonCrossFilesTest {

    private static final Path ROOT = Fixtures.mesonCross();
    private static final Path TESTS = ROOT.resolve("tests");

    @TestFactory
    Stream<DynamicTest> everyMesonCrossFileParsesExceptMsp430() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(ROOT)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(".txt")).sorted().toList();
        }
        assertEquals(24, files.size(), "Meson's cross/ folder has 24 .txt files: " + files);
        return files.stream()
                .filter(p -> !p.getFileName().toString().equals("msp430.txt"))
                .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
                    MachineFile file = parse(p);
                    assertTrue(!file.sections().isEmpty(), p + " has no sections");
                }));
    }

    @Test
    void msp430UsesUnquotedProgramNamesWhichAreUndefinedConstants() {
        Path msp430 = ROOT.resolve("msp430.txt");

        CrossFileException e = assertThrows(CrossFileException.class, () -> parse(msp430));

        assertEquals(msp430 + ":5: Undefined constant 'cl430' in machine file variable 'c': names must be defined"
                + " earlier in [constants] or in the same section; if you meant the text, quote it: 'cl430'",
                e.getMessage());
        assertEquals(Optional.of("c"), e.key());
    }

    @Test
    void ubuntuArmhfValuesKeepTheirTypes() throws CrossFileException {
        MachineFile file = parse(ROOT.resolve("ubuntu-armhf.txt"));

        assertEquals(Value.ofStrings(List.of("/usr/bin/arm-linux-gnueabihf-gcc")),
                file.entry("binaries", "c").orElseThrow().value());
        assertEquals(Value.of("-DMESON_TEST_ISSUE_1665=1"),
                file.entry("built-in options", "cpp_args").orElseThrow().value());
        assertEquals(Value.of(true), file.entry("properties", "skip_sanity_check").orElseThrow().value());
        assertEquals(Value.of("armv7"), file.entry("host_machine", "cpu").orElseThrow().value());
    }

    @Test
    void multiLineArrayInC2000KeepsItsBackslash() throws CrossFileException {
        MachineFile file = parse(ROOT.resolve("c2000.txt"));

        assertEquals(Value.ofStrings(List.of("-z", "--rom_model", "\\f28004x_flash.cmd")),
                file.entry("built-in options", "c_link_args").orElseThrow().value());
    }

    @TestFactory
    Stream<DynamicTest> machineFilesOfMesonsTestSuiteParse() throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(TESTS)) {
            files = walk.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().endsWith(".md"))
                    // a configure_file template: "c = @c_compiler@" only becomes a value after substitution
                    .filter(p -> !TESTS.relativize(p).toString().equals("unit-69-cross/crossfile.in"))
                    // needs constant1.txt layered first (tested below)
                    .filter(p -> !p.getFileName().toString().equals("constant2.txt"))
                    .sorted().toList();
        }
        assertEquals(21, files.size(), files.toString());
        return files.stream().map(p -> DynamicTest.dynamicTest(TESTS.relativize(p).toString(), () -> parse(p)));
    }

    @Test
    void unsubstitutedTemplatePlaceholderIsAnUndefinedValue() {
        Path template = TESTS.resolve("unit-69-cross/crossfile.in");

        CrossFileException e = assertThrows(CrossFileException.class, () -> parse(template));

        assertEquals(2, e.line());
        assertEquals("value of 'c' has the unexpected character '@'; expected a string in single quotes, a number,"
                + " true/false, an array, a name, (, +, /", e.problem());
    }

    @Test
    void crossFileConstantsAcrossTwoFilesWithPreParseTokens() throws CrossFileException {
        // Meson's test_cross_file_constants: constant1.txt then constant2.txt
        Path dir = TESTS.resolve("unittests-machinefiles");
        MachineFileContext context = new MachineFileContext(Optional.of(Path.of("/project/src")), Optional.empty());

        MachineFile file = MachineFile.parse(List.of(MachineFileSource.read(dir.resolve("constant1.txt")),
                MachineFileSource.read(dir.resolve("constant2.txt"))), context);

        String fileDir = dir.toAbsolutePath().toString();
        assertEquals(Value.of("/toolchain/gcc"), file.entry("binaries", "c").orElseThrow().value());
        assertEquals(Value.ofStrings(List.of("--sysroot=/toolchain/sysroot", "-DSOMETHING")),
                file.entry("properties", "c_args").orElseThrow().value());
        assertEquals(Value.ofStrings(List.of("--sysroot=/toolchain/sysroot", "-DSOMETHING", "-DSOMETHING_ELSE")),
                file.entry("properties", "cpp_args").orElseThrow().value());
        assertEquals(Value.of("/project/src/tool"), file.entry("properties", "rel_to_src").orElseThrow().value());
        assertEquals(Value.of(fileDir + "/tool"), file.entry("properties", "rel_to_file").orElseThrow().value());
        assertEquals(Value.of("@" + fileDir + "@/tool"), file.entry("properties", "no_escaping").orElseThrow().value());
    }

    @Test
    void homeBuiltinAsInMesonsTestHomeVariable() throws CrossFileException {
        String text = "[constants]\ntoolchain = ~ / 'sdk'\n[binaries]\nc = ~ / 'bin' / 'gcc'\n"
                + "cpp = toolchain / 'bin' / 'g++'\n";
        MachineFileContext context = new MachineFileContext(Optional.empty(), Optional.of(Path.of("/home/user")));

        MachineFile file = MachineFile.parse(
                List.of(MachineFileSource.of("home.ini", text.getBytes(StandardCharsets.UTF_8))), context);

        assertEquals(Value.of("/home/user/bin/gcc"), file.entry("binaries", "c").orElseThrow().value());
        assertEquals(Value.of("/home/user/sdk/bin/g++"), file.entry("binaries", "cpp").orElseThrow().value());
    }

    private static MachineFile parse(Path path) throws CrossFileException {
        return MachineFile.parse(List.of(MachineFileSource.read(path)), MachineFileContext.none());
    }
}
