package dev.crossbuild.crossfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.crossbuild.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** {@code empirical/misc/} values exactly as EXPECTED.md, and every misc/semantics file through the parser. */
class MiscFixturesTest {

    private static final Path EMPIRICAL = Fixtures.mesonCross("empirical");

    @Test
    void constantsFileEvaluatesAsMesonDid() throws CrossFileException {
        MachineFile file = parse(EMPIRICAL.resolve("misc/constants.txt"));

        assertEquals(Map.of(
                "triple", Value.of("aarch64-linux-gnu"),
                "prefix", Value.of("/usr/bin"),
                "common", Value.ofStrings(List.of("-DCOMMON=1")),
                "sysroot", Value.of("/usr/aarch64-linux-gnu")), values(file, "constants"));
        assertEquals(Value.of("/usr/bin/aarch64-linux-gnu-gcc"), value(file, "binaries", "c"));
        assertEquals(Value.of("/usr/bin/aarch64-linux-gnu-ar"), value(file, "binaries", "ar"));
        assertEquals(Value.ofStrings(List.of("/usr/bin/aarch64-linux-gnu-strip")), value(file, "binaries", "strip"));
        assertEquals(Value.of("/a/b"), value(file, "properties", "joined"));
        assertEquals(Value.of("/b"), value(file, "properties", "abs_right"));
        assertEquals(Value.ofStrings(List.of("-DCOMMON=1", "-DX=2", "-DY=3")), value(file, "properties", "arr"));
        assertEquals(Value.of("first-second"), value(file, "properties", "same_section_b"));
        assertEquals(Value.of(true), value(file, "properties", "pybool"));
        assertEquals(Value.of(16), value(file, "properties", "hexnum"));
        assertEquals(Value.of("/usr/aarch64-linux-gnu"), value(file, "properties", "sys_root"));
        assertEquals(Value.ofStrings(List.of("-DCOMMON=1", "-DFROM_CONSTANTS")),
                value(file, "built-in options", "c_args"));
    }

    @Test
    void constantsFileKeepsSectionAndKeyOrderWithLines() throws CrossFileException {
        MachineFile file = parse(EMPIRICAL.resolve("misc/constants.txt"));

        assertEquals(List.of("constants", "binaries", "properties", "built-in options", "host_machine"),
                file.sections().stream().map(Section::name).toList());
        assertEquals(List.of("joined", "abs_right", "arr", "same_section_a", "same_section_b", "pybool", "hexnum",
                "sys_root"), file.section("properties").orElseThrow().keys());
        assertEquals(3, file.section("constants").orElseThrow().line());
        assertEquals(17, file.entry("properties", "arr").orElseThrow().line());
    }

    @Test
    void backslashesAreKeptExactlyAsWritten() throws CrossFileException {
        MachineFile file = parse(EMPIRICAL.resolve("misc/backslash.txt"));

        assertEquals(Value.of("C:\\new\\tab"), value(file, "properties", "one"));
        assertEquals(Value.of("C:\\\\dir\\\\x"), value(file, "properties", "two"));
        assertEquals(Value.of("\\101"), value(file, "properties", "octal"));
    }

    @TestFactory
    Stream<DynamicTest> everyMiscAndSemanticsFileParsesExceptTheDefaultSection() throws IOException {
        List<Path> files;
        try (Stream<Path> misc = Files.list(EMPIRICAL.resolve("misc"));
             Stream<Path> semantics = Files.list(EMPIRICAL.resolve("semantics"))) {
            files = Stream.concat(misc, semantics).sorted().toList();
        }
        return files.stream().map(path -> DynamicTest.dynamicTest(path.getFileName().toString(), () -> {
            if (path.getFileName().toString().equals("s16_default_section.txt")) {
                CrossFileException e = assertThrows(CrossFileException.class, () -> parse(path));
                assertEquals(1, e.line());
            } else {
                parse(path);
            }
        }));
    }

    @Test
    void capitalisedSectionsAreKeptVerbatimForTheSemanticLayer() throws CrossFileException {
        MachineFile file = parse(EMPIRICAL.resolve("semantics/s17_capitalised_section.txt"));

        assertEquals(List.of("Binaries", "Host_Machine"), file.sections().stream().map(Section::name).toList());
    }

    @Test
    void indentedLinesOfEqualDepthAreKeysNotContinuations() throws CrossFileException {
        MachineFile file = parse(EMPIRICAL.resolve("semantics/s23_indented_lines.txt"));

        assertEquals(List.of("system", "cpu_family", "cpu", "endian"),
                file.section("host_machine").orElseThrow().keys());
    }

    private static MachineFile parse(Path path) throws CrossFileException {
        return MachineFile.parse(List.of(MachineFileSource.read(path)), MachineFileContext.none());
    }

    private static Value value(MachineFile file, String section, String key) {
        return file.entry(section, key).orElseThrow(() -> new AssertionError("no [" + section + "] " + key)).value();
    }

    private static Map<String, Value> values(MachineFile file, String section) {
        Map<String, Value> values = new java.util.LinkedHashMap<>();
        file.section(section).orElseThrow().entries().forEach(e -> values.put(e.key(), e.value()));
        return values;
    }
}
