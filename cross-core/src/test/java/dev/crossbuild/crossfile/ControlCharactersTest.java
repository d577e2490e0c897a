package dev.crossbuild.crossfile;

import static dev.crossbuild.crossfile.MachineFileTexts.HOME;
import static dev.crossbuild.crossfile.MachineFileTexts.error;
import static dev.crossbuild.crossfile.MachineFileTexts.parse;
import static dev.crossbuild.crossfile.MachineFileTexts.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Control characters (issue 14): a NUL in a value once passed the reader and killed the doctor with an
 * InvalidPathException; every control character but tab is now refused on its line, with the key. A lone CR ends
 * a line, as in Meson (Python reads the file with universal newlines).
 */
class ControlCharactersTest {

    private static final String NUL_REMEDY = ", which cannot be part of a path or a command-line argument; machine"
            + " files are text, and control characters other than tab are not allowed: remove it";

    @TempDir
    Path dir;

    @Test
    void aRawNulByteInAQuotedStringOnDiskIsRefusedWithFileLineAndKey() throws IOException {
        Path file = dir.resolve("nul.ini");
        Files.write(file, "[binaries]\nar = 'ar'\nc = 'gcc\0x'\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));

        CrossFileException e = assertThrows(CrossFileException.class,
                () -> MachineFile.parse(List.of(MachineFileSource.read(file)), HOME));

        assertEquals(file + ":3: value of 'c' contains the control character U+0000 (NUL) at column 9" + NUL_REMEDY,
                e.getMessage());
        assertEquals(Optional.of("c"), e.key());
        assertEquals(3, e.line());
    }

    @Test
    void backslashZeroIsNotAnEscapeSoItStaysTwoCharacters() throws CrossFileException {
        // Meson doubles backslashes before lexing (spec 1.2; checked with 1.0.1: 'gcc\0x', 'x\x00y', 'x\u0000y'
        // and 'x\N{NULL}y' all keep their backslash), so no escape sequence can make a NUL
        assertEquals(Value.of("gcc\\0x"), value("'gcc\\0x'"));
        assertEquals(Value.of("x\\x00y"), value("'x\\x00y'"));
        assertEquals(Value.of("x\\u0000y"), value("'x\\u0000y'"));
    }

    @Test
    void aNulOnAContinuationLineNamesThatLineAndTheKey() {
        CrossFileException e = error("[built-in options]\nc_args = [\n    '-O2',\n    '-D\0',\n  ]\n");

        assertEquals("test.ini:4: value of 'c_args' contains the control character U+0000 (NUL) at column 8"
                + NUL_REMEDY, e.getMessage());
        assertEquals(Optional.of("c_args"), e.key());
    }

    @Test
    void aNulInsideATripleQuotedStringIsRefusedToo() {
        CrossFileException e = error("[properties]\nx = '''a\n  b\0'''\n");

        assertEquals(3, e.line());
        assertEquals(Optional.of("x"), e.key());
    }

    @Test
    void aNulInAKeyOrACommentOrAHeaderIsRefusedWithoutAKey() {
        CrossFileException inKey = error("[p]\nc\0 = 'gcc'\n");
        assertEquals("test.ini:2: the line contains the control character U+0000 (NUL) at column 2" + NUL_REMEDY,
                inKey.getMessage());
        assertEquals(Optional.empty(), inKey.key());

        assertEquals(Optional.empty(), error("[p]\n# a = b \0\n").key());
        assertEquals(2, error("[p]\n# a = b \0\n").line());
        assertEquals(1, error("[p\0]\n").line());
    }

    @Test
    void otherControlCharactersAreRefusedWithTheirName() {
        assertEquals("test.ini:2: value of 'x' contains the control character U+001B (ESC) at column 7; machine files"
                + " are text, and control characters other than tab are not allowed: remove it",
                error("[p]\nx = 'a\033[31m'\n").getMessage());
        assertEquals("test.ini:2: value of 'x' contains the control character U+0007 (BEL) at column 6; machine files"
                + " are text, and control characters other than tab are not allowed: remove it",
                error("[p]\nx = '\007'\n").getMessage());
        assertEquals("test.ini:2: value of 'x' contains the control character U+0085 at column 6; machine files are"
                + " text, and control characters other than tab are not allowed: remove it",
                error("[p]\nx = '\u0085'\n").getMessage());
        assertEquals(2, error("[p]\nx = 'a'\f\n").line());
        assertEquals(2, error("[p]\nx = 'a\177'\n").line());
    }

    @Test
    void aTabInsideAStringIsKept() throws CrossFileException {
        assertEquals(Value.of("a\tb"), value("'a\tb'"));
    }

    @Test
    void aLoneCarriageReturnEndsTheLineAsInMeson() {
        // Meson 1.0.1: "Source contains parsing errors" (the line b' has no '=')
        CrossFileException e = error("[p]\nx = 'a\rb'\n");

        assertEquals("test.ini:3: expected 'key = value' or a [section] header, found \"b'\"; a key line needs '='"
                + " between key and value", e.getMessage());
    }

    @Test
    void aLoneCarriageReturnCountsAsALineBreakForLineNumbers() {
        assertEquals(3, error("[p]\rx = 'a'\ry = \"b\"\r").line());
        assertEquals(4, error("[p]\r\nx = 'a'\r\n\r\ny = \"b\"\r\n").line());
    }

    @Test
    void classicMacLineEndingsParseLikeUnixOnes() throws CrossFileException {
        MachineFile file = parse("[binaries]\rc = 'gcc'\rar = 'ar'\r");

        assertEquals(Value.of("gcc"), file.entry("binaries", "c").orElseThrow().value());
        assertEquals(Value.of("ar"), file.entry("binaries", "ar").orElseThrow().value());
    }

    @Test
    void invalidUtf8AfterLoneCarriageReturnsNamesTheRightLine() {
        byte[] bytes = {'[', 'p', ']', '\r', 'x', ' ', '=', ' ', '\'', (byte) 0xE9, '\'', '\r'};

        CrossFileException e = assertThrows(CrossFileException.class,
                () -> MachineFile.parse(List.of(MachineFileSource.of("latin1.ini", bytes)), HOME));

        assertEquals(2, e.line());
    }
}
