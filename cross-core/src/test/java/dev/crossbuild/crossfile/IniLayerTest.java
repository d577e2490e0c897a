package dev.crossbuild.crossfile;

import static dev.crossbuild.crossfile.MachineFileTexts.error;
import static dev.crossbuild.crossfile.MachineFileTexts.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The INI layer (spec 1.1): what configparser as configured by Meson accepts, and where we are stricter. */
class IniLayerTest {

    @Test
    void crlfLineEndingsAreAccepted() throws CrossFileException {
        MachineFile file = parse("[binaries]\r\nc = 'gcc'\r\nar = 'ar'\r\n");

        assertEquals(List.of("c", "ar"), file.section("binaries").orElseThrow().keys());
        assertEquals(Value.of("gcc"), file.entry("binaries", "c").orElseThrow().value());
    }

    @Test
    void wholeLineCommentsMayBeIndentedAndUseHashOrSemicolon() throws CrossFileException {
        MachineFile file = parse("; top\n# top\n[p]\n   # indented\n\t; tabbed\nx = 'a'\n");

        assertEquals(List.of("x"), file.section("p").orElseThrow().keys());
    }

    @Test
    void commentLinesAndBlankLinesInsideAMultiLineArrayAreSkipped() throws CrossFileException {
        MachineFile file = parse("[p]\nx = [\n    'a', # after a\n    # own line\n\n    'b',\n  ]\ny = 'z'\n");

        assertEquals(Value.ofStrings(List.of("a", "b")), file.entry("p", "x").orElseThrow().value());
        assertEquals(Value.of("z"), file.entry("p", "y").orElseThrow().value());
    }

    @Test
    void valueMayStartOnTheNextIndentedLineAsInMeson() throws CrossFileException {
        MachineFile file = parse("[p]\nx =\n    'a'\n");

        assertEquals(Value.of("a"), file.entry("p", "x").orElseThrow().value());
        assertEquals(2, file.entry("p", "x").orElseThrow().line());
    }

    @Test
    void keyLineIndentedDeeperThanThePreviousKeyIsRejectedInsteadOfSilentlyDropped() {
        CrossFileException e = error("[binaries]\n  c = 'gcc'\n    ar = 'ar'\n");

        assertEquals("test.ini:3: value of 'c' continues on line 3 (\"ar = 'ar'\"), because that line is indented"
                + " deeper than the line of 'c'; INI rules make it part of the value (Meson would silently drop it):"
                + " remove its indentation to make it a key of its own", e.getMessage());
        assertEquals(Optional.of("c"), e.key());
    }

    @Test
    void indentedKeyAfterABlankLineStillContinuesThePreviousValue() {
        CrossFileException e = error("[p]\nx = 'a'\n\n   y = 'b'\n");

        assertEquals(4, e.line());
        assertEquals(Optional.of("x"), e.key());
    }

    @Test
    void closingBracketAtTheKeyIndentationIsNotAContinuationAndTheErrorSaysSo() {
        CrossFileException e = error("[p]\nx = [\n    'a',\n]\n");

        assertEquals("test.ini:4: expected 'key = value' or a [section] header, found \"]\"; if this line continues"
                + " the value of 'x', indent it deeper than that key", e.getMessage());
    }

    @Test
    void tabsAndSpacesBothCountAsIndentation() throws CrossFileException {
        MachineFile file = parse("[p]\n\tx = ['a',\n\t\t'b']\n\ty = 'c'\n");

        assertEquals(Value.ofStrings(List.of("a", "b")), file.entry("p", "x").orElseThrow().value());
        assertEquals(Value.of("c"), file.entry("p", "y").orElseThrow().value());
    }

    @Test
    void namesAreCaseSensitiveAndKeptVerbatim() throws CrossFileException {
        MachineFile file = parse("[p]\nc = 'lower'\nC = 'upper'\nsizeof_void* = 8\npkg-config = 'pc'\n");

        assertEquals(List.of("c", "C", "sizeof_void*", "pkg-config"), file.section("p").orElseThrow().keys());
        assertEquals(Value.of("upper"), file.entry("p", "C").orElseThrow().value());
    }

    @Test
    void onlyTheFirstEqualsSignSeparates() throws CrossFileException {
        MachineFile file = parse("[p]\nx='-DA=1'\n");

        assertEquals(Value.of("-DA=1"), file.entry("p", "x").orElseThrow().value());
    }

    @Test
    void sectionHeaderMayBeIndentedAndFollowedByAComment() throws CrossFileException {
        MachineFile file = parse("  [binaries] # the tools\nc = 'gcc'\n");

        assertEquals(Value.of("gcc"), file.entry("binaries", "c").orElseThrow().value());
        assertEquals(1, file.section("binaries").orElseThrow().line());
    }

    @Test
    void textAfterASectionHeaderIsRejected() {
        assertEquals("test.ini:1: unexpected text \"c = 'gcc'\" after the section header [binaries]; a section header"
                + " stands alone on its line (put keys on the lines below it)",
                error("[binaries] c = 'gcc'\n").getMessage());
    }

    @Test
    void spacesInsideSectionBracketsAreRejectedBecauseMesonWouldSeeAnotherSection() {
        assertEquals("test.ini:1: section name [ binaries ] has spaces inside the brackets, which Meson keeps as"
                + " part of the name (so it would not be [binaries]); write [binaries]",
                error("[ binaries ]\nc = 'gcc'\n").getMessage());
    }

    @Test
    void emptyAndUnclosedSectionHeadersAreRejected() {
        assertEquals("test.ini:1: empty section name []; expected a name such as [binaries]",
                error("[]\n").getMessage());
        assertEquals("test.ini:2: section header \"[binaries\" has no closing ']'; write it as [name]",
                error("# x\n[binaries\nc = 'gcc'\n").getMessage());
    }

    @Test
    void emptySectionIsKept() throws CrossFileException {
        MachineFile file = parse("[properties]\n[binaries]\nc = 'gcc'\n");

        assertEquals(List.of(), file.section("properties").orElseThrow().entries());
    }

    @Test
    void emptyOrCommentOnlyFileHasNoSections() throws CrossFileException {
        assertEquals(List.of(), parse("").sections());
        assertEquals(List.of(), parse("# nothing\n\n; here\n").sections());
    }

    @Test
    void keyWithAColonInsteadOfEqualsGetsAHint() {
        CrossFileException e = error("[built-in options]\nc_args: ['-DX=1']\n");

        assertEquals("test.ini:2: Malformed variable name 'c_args: ['-DX' in machine file; key and value are"
                + " separated by '=', not ':'", e.getMessage());
    }

    @Test
    void keyWithAQuoteIsMalformed() {
        CrossFileException e = error("[p]\n'x' = 'a'\n");

        assertEquals("test.ini:2: Malformed variable name ''x'' in machine file; keys cannot contain spaces, tabs"
                + " or quotes", e.getMessage());
        assertEquals(Optional.of("'x'"), e.key());
    }

    @Test
    void commentBeforeTheFirstSectionIsFineButAKeyIsNot() {
        CrossFileException e = error("# comment\n\nx = 'a'\n[p]\n");

        assertEquals(3, e.line());
    }

    @Test
    void byteOrderMarkGetsItsOwnMessage() {
        CrossFileException e = assertThrows(CrossFileException.class, () -> MachineFile.parse(
                List.of(MachineFileSource.of("bom.ini", new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '[', 'p',
                        ']', '\n'})), MachineFileContext.none()));

        assertEquals("bom.ini:1: the file starts with a UTF-8 byte order mark (BOM), which Meson rejects (\"File"
                + " contains no section headers\"); save the file as UTF-8 without a BOM", e.getMessage());
    }

    @Test
    void utf16FileIsRejected() {
        CrossFileException e = assertThrows(CrossFileException.class, () -> MachineFile.parse(
                List.of(MachineFileSource.of("u16.ini", "[p]".getBytes(StandardCharsets.UTF_16))),
                MachineFileContext.none()));

        assertEquals("u16.ini:1: the file starts with a UTF-16 byte order mark; machine files must be UTF-8: save"
                + " the file as UTF-8 without a BOM", e.getMessage());
    }

    @Test
    void invalidUtf8NamesLineAndByte() {
        byte[] bytes = "[p]\nx = 'a'\ny = 'caf\u00e9'\n".getBytes(StandardCharsets.ISO_8859_1);

        CrossFileException e = assertThrows(CrossFileException.class, () -> MachineFile.parse(
                List.of(MachineFileSource.of("latin1.ini", bytes)), MachineFileContext.none()));

        assertEquals("latin1.ini:3: byte 0xe9 (byte 9 of the line) is not valid UTF-8; machine files must be UTF-8"
                + " encoded: save the file as UTF-8 (it may be Latin-1 or Windows-1252 now)", e.getMessage());
    }

    @Test
    void validMultiByteUtf8IsKept() throws CrossFileException {
        assertEquals(Value.of("caf\u00e9 \u2713"), MachineFileTexts.value("'caf\u00e9 \u2713'"));
    }

    @Test
    void dirnameTokenIsReplacedByTheAbsoluteDirectoryOfTheFileEverywhere(@TempDir Path dir)
            throws IOException, CrossFileException {
        Path file = dir.resolve("cross.ini");
        Files.writeString(file, "# @DIRNAME@ in a comment\n[p]\nd = '@DIRNAME@' / 'x'\nk@DIRNAME@ = 'y'\n"
                + "e = '@@DIRNAME@@'\n");

        MachineFile parsed = MachineFile.parse(List.of(MachineFileSource.read(file)), MachineFileContext.none());

        String absolute = dir.toAbsolutePath().toString();
        assertEquals(Value.of(absolute + "/x"), parsed.entry("p", "d").orElseThrow().value());
        assertEquals(Value.of("y"), parsed.entry("p", "k" + absolute).orElseThrow().value()); // blind replacement
        assertEquals(Value.of("@" + absolute + "@"), parsed.entry("p", "e").orElseThrow().value());
    }

    @Test
    void tokensStayLiteralWhenTheirValueIsUnknown() throws CrossFileException {
        MachineFile file = MachineFile.parse(List.of(MachineFileTexts.source(
                "[p]\nd = '@DIRNAME@'\ns = '@GLOBAL_SOURCE_ROOT@'\n")), MachineFileContext.none());

        assertEquals(Value.of("@DIRNAME@"), file.entry("p", "d").orElseThrow().value());
        assertEquals(Value.of("@GLOBAL_SOURCE_ROOT@"), file.entry("p", "s").orElseThrow().value());
    }

    @Test
    void sourceRootTokenIsReplacedFromTheContext() throws CrossFileException {
        MachineFileSource source = MachineFileTexts.source("[p]\ns = '@GLOBAL_SOURCE_ROOT@' / 'x'\n");
        MachineFile file = MachineFile.parse(List.of(source),
                new MachineFileContext(Optional.of(Path.of("/src/project")), Optional.empty()));

        assertEquals(Value.of("/src/project/x"), file.entry("p", "s").orElseThrow().value());
    }

    @Test
    void unreadableFileIsAFileLevelError(@TempDir Path dir) {
        Path missing = dir.resolve("missing.ini");

        CrossFileException e = assertThrows(CrossFileException.class, () -> MachineFileSource.read(missing));

        assertEquals(missing + ": cannot read the machine file: no such file", e.getMessage());
        assertEquals(0, e.line());
    }

    @Test
    void noSourcesGiveTheEmptyMachineFile() throws CrossFileException {
        MachineFile file = MachineFile.parse(List.of(), MachineFileContext.none());

        assertTrue(file.sections().isEmpty());
        assertTrue(MachineFile.empty().sections().isEmpty());
        assertTrue(MachineFile.empty().entry("binaries", "c").isEmpty());
    }

    @Test
    void sourceContentIsCopiedAndComparedByValue() {
        byte[] bytes = "[p]\n".getBytes(StandardCharsets.UTF_8);
        MachineFileSource source = MachineFileSource.of("a.ini", bytes);
        bytes[0] = 'X';

        assertEquals('[', source.content()[0]);
        assertEquals(MachineFileSource.of("a.ini", "[p]\n".getBytes(StandardCharsets.UTF_8)), source);
    }
}
