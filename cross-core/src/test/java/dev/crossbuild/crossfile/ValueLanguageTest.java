package dev.crossbuild.crossfile;

import static dev.crossbuild.crossfile.MachineFileTexts.error;
import static dev.crossbuild.crossfile.MachineFileTexts.parse;
import static dev.crossbuild.crossfile.MachineFileTexts.value;
import static dev.crossbuild.crossfile.MachineFileTexts.valueError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The value language (spec 1.2, 1.3): lexer, parser and evaluator edge cases through {@link MachineFile#parse}. */
class ValueLanguageTest {

    private static final String ALLOWED = "which machine files do not support; a value may use only strings in single"
            + " quotes, true/false, integers, arrays, names of constants, parentheses, + and / (Meson: \"Unsupported"
            + " node type\")";

    // --- literals

    @Test
    void singleQuotedStringsKeepBackslashesLiterally() throws CrossFileException {
        assertEquals(Value.of("C:\\new\\tab"), value("'C:\\new\\tab'"));
        assertEquals(Value.of("a\\b"), value("'a\\' + 'b'")); // 'a\' is a complete string
    }

    @Test
    void escapedQuoteIsRejectedBecauseThereAreNoEscapes() {
        assertEquals("test.ini:2: value of 'x' has \\' inside a string, but machine files have no escape sequences: a"
                + " backslash stays a backslash and a single quote cannot appear inside a string (Meson: \"Expecting"
                + " eof got id\")", valueError("'it\\'s'").getMessage());
    }

    @Test
    void tripleQuotedStringMaySpanContinuationLinesWhoseIndentationIsDropped() throws CrossFileException {
        assertEquals(Value.of("a\nb"), value("'''a\n    b'''"));
    }

    @Test
    void tripleQuotedStringWithABackslashIsRejectedBecauseMesonDoublesIt() {
        assertEquals("test.ini:2: value of 'x' has a backslash inside a '''...''' string, which Meson doubles there"
                + " (it would read '''C:\\dir''' as C:\\\\dir); use a single-quoted string, where backslashes are kept"
                + " as written", valueError("'''C:\\x'''").getMessage());
    }

    @Test
    void formatStringsAreReadAsPlainStringsLikeMesonHead() throws CrossFileException {
        assertEquals(Value.of("@x@"), value("f'@x@'"));
        assertEquals(Value.of("y"), value("f'''y'''"));
    }

    @Test
    void singleQuotedStringCannotSpanLines() {
        CrossFileException e = valueError("'abc\n   def'");

        assertEquals("test.ini:2: value of 'x' has an unterminated string 'abc: the closing ' is missing (a"
                + " single-quoted string cannot span lines; use '''...''' for that)", e.getMessage());
    }

    @Test
    void unterminatedTripleQuotedString() {
        assertEquals("test.ini:2: value of 'x' has an unterminated string: ''' has no closing '''",
                valueError("'''abc").getMessage());
    }

    @Test
    void doubleQuotesAreRejectedWithTheSingleQuotedSpelling() {
        assertEquals("test.ini:2: value of 'x' is a double-quoted string; machine files only accept single quotes:"
                + " 'gcc'", valueError("\"gcc\"").getMessage());
        assertEquals("test.ini:2: value of 'x' is a double-quoted string; machine files only accept single quotes,"
                + " and a single-quoted string cannot contain ' (found \"it's\")", valueError("\"it's\"").getMessage());
        assertEquals("test.ini:2: value of 'x' has a double quote (\"); machine files only accept strings in single"
                + " quotes", valueError("\"abc").getMessage());
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "42, 42", "0x10, 16", "0X1F, 31", "0o17, 15", "0b101, 5", "0B11, 3",
            "9223372036854775807, 9223372036854775807"})
    void integersInEveryBase(String written, long expected) throws CrossFileException {
        assertEquals(Value.of(expected), value(written));
    }

    @Test
    void leadingZeroIsRejectedWithBothReadings() {
        assertEquals("test.ini:2: value of 'x' has the integer 010 with a leading zero, which Meson does not accept;"
                + " write 10, or 0o10 for an octal number", valueError("010").getMessage());
    }

    @Test
    void floatsAreRejected() {
        assertEquals("test.ini:2: value of 'x' is the number 1.5, but machine files have no floating-point numbers"
                + " (Meson: \"meson does not support float numbers\"); write it as a string: '1.5'",
                valueError("1.5").getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e5", "0x", "0b102", "12abc", "0o8", "1_000"})
    void malformedNumbers(String written) {
        assertEquals("test.ini:2: value of 'x' has the malformed number " + written + "; integers are written 42,"
                + " 0x2a, 0o52 or 0b101010 (to write text, quote it: '" + written + "')",
                valueError(written).getMessage());
    }

    @Test
    void integerBeyondLongIsRejected() {
        assertEquals("test.ini:2: value of 'x' has the integer 9223372036854775808, which is too large (at most"
                + " 9223372036854775807); write it as a string: '9223372036854775808'",
                valueError("9223372036854775808").getMessage());
    }

    @Test
    void negativeNumbersAreUnsupported() {
        assertEquals("test.ini:2: value of 'x' uses the operator '-' (there are no negative numbers or"
                + " subtraction), " + ALLOWED, valueError("-1").getMessage());
    }

    @Test
    void booleanKeywordsAndPythonStyleBuiltins() throws CrossFileException {
        assertEquals(Value.of(true), value("true"));
        assertEquals(Value.of(false), value("false"));
        assertEquals(Value.of(true), value("True"));
        assertEquals(Value.of(false), value("False"));
    }

    @Test
    void capitalisedBooleanIsAnUndefinedName() {
        assertEquals("test.ini:2: Undefined constant 'TRUE' in machine file variable 'x': booleans are written true"
                + " or false", valueError("TRUE").getMessage());
    }

    // --- arrays

    @Test
    void arraysAllowEmptyTrailingCommaAndConcatenation() throws CrossFileException {
        assertEquals(Value.ofStrings(List.of()), value("[]"));
        assertEquals(Value.ofStrings(List.of("a")), value("['a',]"));
        assertEquals(Value.ofStrings(List.of("a", "b", "c")), value("['a'] + ['b', 'c',]"));
        assertEquals(Value.ofStrings(List.of("/usr/lib", "ab")), value("['/usr' / 'lib', 'a' + 'b']"));
    }

    @Test
    void arrayElementsMustBeStringsAndTheErrorNamesTheElementLine() {
        CrossFileException e = error("[p]\nx = ['a',\n     1]\n");

        assertEquals("test.ini:3: value of 'x' has an array whose element 2 is the integer 1, but array elements"
                + " must be strings (Meson 1.8 and later stop with an internal error on anything else); quote it:"
                + " '1'", e.getMessage());
    }

    @Test
    void nestedArraysAreRejected() {
        assertEquals("test.ini:2: value of 'x' has an array whose element 1 is the array ['a'], but array elements"
                + " must be strings (Meson 1.8 and later stop with an internal error on anything else); flatten it"
                + " (arrays can be joined with +)", valueError("[['a'], 'b']").getMessage());
    }

    @Test
    void malformedArrays() {
        assertEquals("test.ini:2: value of 'x' is malformed: expected a value, found ','",
                valueError("[,]").getMessage());
        assertEquals("test.ini:2: value of 'x' is malformed: expected ',' or ']' after an array element, found the"
                + " string 'b'", valueError("['a' 'b']").getMessage());
        assertEquals("test.ini:2: value of 'x' has an array that is never closed: the '[' has no matching ']'",
                valueError("['a', 'b'").getMessage());
        assertEquals("test.ini:2: value of 'x' has a ',' outside an array; a list is written as an array: ['a',"
                + " 'b']", valueError("'a', 'b'").getMessage());
    }

    // --- operators

    @Test
    void slashJoinsPathsLikePythonOsPathJoin() throws CrossFileException {
        assertEquals(Value.of("/a/b"), value("'/a/' / 'b'"));
        assertEquals(Value.of("/b"), value("'/a' / '/b'"));
        assertEquals(Value.of("b"), value("'' / 'b'"));
        assertEquals(Value.of("a/"), value("'a' / ''"));
        assertEquals(Value.of("a/b/c"), value("'a' / 'b' / 'c'"));
    }

    @Test
    void slashBindsTighterThanPlusAndParenthesesGroup() throws CrossFileException {
        MachineFile file = parse("[constants]\nprefix = '/usr/bin'\ntriple = 'aarch64-linux-gnu'\n[binaries]\n"
                + "c = prefix / triple + '-gcc'\nar = prefix / (triple + '-ar')\nnested = ((('x')))\n");

        assertEquals(Value.of("/usr/bin/aarch64-linux-gnu-gcc"), file.entry("binaries", "c").orElseThrow().value());
        assertEquals(Value.of("/usr/bin/aarch64-linux-gnu-ar"), file.entry("binaries", "ar").orElseThrow().value());
        assertEquals(Value.of("x"), file.entry("binaries", "nested").orElseThrow().value());
    }

    @Test
    void plusJoinsOnlyTwoStringsOrTwoArrays() {
        assertEquals("test.ini:2: value of 'x' adds the string 'a' and the integer 1, but '+' joins two strings or"
                + " two arrays; there is no arithmetic in machine files (Meson: \"Unsupported node type\")",
                valueError("'a' + 1").getMessage());
        assertEquals("test.ini:2: value of 'x' adds the array ['a'] and the string 'b', but '+' joins two strings"
                + " or two arrays; to append a string to an array write [...] + ['b'] (Meson: \"Unsupported node"
                + " type\")", valueError("['a'] + 'b'").getMessage());
        assertEquals("test.ini:2: value of 'x' adds the boolean true and the boolean true, but '+' joins two strings"
                + " or two arrays (Meson: \"Unsupported node type\")", valueError("true + true").getMessage());
    }

    @Test
    void slashJoinsOnlyTwoStrings() {
        assertEquals("test.ini:2: value of 'x' divides the array ['a'] by the string 'b', but '/' joins two strings"
                + " as a path ('/usr' / 'lib' is /usr/lib) (Meson: \"Unsupported node type\")",
                valueError("['a'] / 'b'").getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "'a' * 2            | the operator '*'",
        "'a' % 2            | the operator '%'",
        "'a' == 'a'         | the comparison operator '=='",
        "'a' != 'b'         | the comparison operator '!='",
        "'a' < 'b'          | the comparison operator '<'",
        "'a' >= 'b'         | the comparison operator '>='",
        "true ? 'a' : 'b'   | the conditional operator '? :'",
        "{'a': 'b'}         | a dictionary ({...})",
        "not true           | the boolean operator 'not'",
        "true and false     | the boolean operator 'and'",
        "'a' in ['a']       | the operator 'in'",
        "if                 | the statement 'if'",
        "y = 'a'            | a second '=' (assignment)",
        "'a' += 'b'         | the assignment operator '+='",
        "'a'.strip()        | a method call or attribute ('.')",
    })
    void unsupportedConstructsAreNamed(String written, String construct) {
        assertEquals("test.ini:2: value of 'x' uses " + construct + ", " + ALLOWED, valueError(written).getMessage());
    }

    @Test
    void callsAndIndexingAreUnsupported() {
        String allowed = ALLOWED.substring("which machine files do not support; ".length());
        assertEquals("test.ini:2: value of 'x' calls the function files(...), which machine files do not support; "
                + allowed, valueError("files('a')").getMessage());
        assertEquals("test.ini:2: value of 'x' indexes a value with [...], which machine files do not support; "
                + allowed, valueError("['a'][0]").getMessage());
        assertEquals("test.ini:2: value of 'x' calls a value like a function, which machine files do not support; "
                + allowed, valueError("'a'(1)").getMessage());
    }

    // --- structure of one value

    @Test
    void trailingHashCommentIsAllowedButSemicolonIsNot() throws CrossFileException {
        assertEquals(Value.of("armv7"), value("'armv7' # not sure"));
        assertEquals("test.ini:2: value of 'x' has ';' after the value; ';' starts a comment only at the beginning of"
                + " a line, after a value use '#' (Meson: \"lexer: unrecognized token ';'\")",
                valueError("'a' ; comment").getMessage());
    }

    @Test
    void exactlyOneExpression() {
        assertEquals("test.ini:2: value of 'x' has more than one value: found the string 'b' after a complete value;"
                + " a value is exactly one expression (join strings with +, e.g. 'a' + 'b'; Meson: \"Expecting"
                + " eof\")", valueError("'a' 'b'").getMessage());
        assertEquals("test.ini:2: value of 'x' has an unmatched ')'", valueError("'a')").getMessage());
    }

    @Test
    void valueThatEndsTooEarly() {
        assertEquals("test.ini:2: value of 'x' ends too early: expected a value", valueError("'a' +").getMessage());
        assertEquals("test.ini:2: value of 'x' ends too early: expected ')' to close the '(' on line 2",
                valueError("('a'").getMessage());
    }

    @Test
    void emptyValueAndCommentOnlyValue() {
        CrossFileException empty = error("[p]\nx =\n");

        assertEquals("test.ini:2: value of 'x' is empty; write a value such as 'text', true, 42 or [] (or remove"
                + " the line)", empty.getMessage());
        assertEquals(Optional.of("x"), empty.key());
        assertEquals("test.ini:2: value of 'x' is empty (only a comment follows '='); write a value such as 'text',"
                + " true, 42 or [] (or remove the line)", valueError("# nothing").getMessage());
    }

    @Test
    void continuationOutsideBracketsNamesTheContinuedLine() {
        assertEquals("test.ini:4: value of 'x' continues on line 4 (\"'b'\") outside brackets; only an array [...]"
                + " or parentheses (...) may span lines: wrap the expression in (...) or put it on one line",
                error("[p]\nx = 'a' +\n\n    'b'\n").getMessage());
    }

    @Test
    void parenthesesMaySpanLines() throws CrossFileException {
        assertEquals(Value.of("ab"), value("('a' +\n    'b')"));
    }

    @Test
    void backslashAndStrayCharactersOutsideStrings() {
        assertEquals("test.ini:2: value of 'x' has a backslash outside a string; values cannot be continued with \\"
                + " (indent the next line instead, inside [...] or (...))", valueError("'a' \\").getMessage());
        assertEquals("test.ini:2: value of 'x' has the unexpected character U+00E9; expected a string in single"
                + " quotes, a number, true/false, an array, a name, (, +, /", valueError("\u00e9").getMessage());
        assertEquals("test.ini:2: value of 'x' has the unexpected character '!'; machine files have no operators"
                + " besides + and /", valueError("!true").getMessage());
    }

    // --- names and scoping (spec 1.3)

    @Test
    void earlierKeysOfTheSameSectionAndConstantsAreInScope() throws CrossFileException {
        MachineFile file = parse("[constants]\nx = 'const'\n[properties]\na = 'first'\nb = a + '-second'\n"
                + "x = x + '-local'\ny = x\n");

        assertEquals(Value.of("first-second"), file.entry("properties", "b").orElseThrow().value());
        assertEquals(Value.of("const-local"), file.entry("properties", "x").orElseThrow().value());
        assertEquals(Value.of("const-local"), file.entry("properties", "y").orElseThrow().value());
        assertEquals(Value.of("const"), file.entry("constants", "x").orElseThrow().value());
    }

    @Test
    void constantsAreEvaluatedFirstEvenWhenTheSectionComesLast() throws CrossFileException {
        MachineFile file = parse("[binaries]\nc = triple + '-gcc'\n[constants]\ntriple = 'arm-linux-gnueabihf'\n");

        assertEquals(Value.of("arm-linux-gnueabihf-gcc"), file.entry("binaries", "c").orElseThrow().value());
        assertEquals(List.of("binaries", "constants"), file.sections().stream().map(Section::name).toList());
    }

    @Test
    void shadowingKeyDoesNotLeakIntoOtherSections() throws CrossFileException {
        MachineFile file = parse("[constants]\nx = 'const'\n[a]\nx = 'local'\n[b]\ny = x\n");

        assertEquals(Value.of("const"), file.entry("b", "y").orElseThrow().value());
    }

    @Test
    void keyOfAnotherSectionIsNotVisible() {
        CrossFileException e = error("[binaries]\nc = 'gcc'\n[properties]\nx = c\n");

        assertEquals("test.ini:4: Undefined constant 'c' in machine file variable 'x': 'c' is a key of [binaries],"
                + " and keys of other sections are not visible; to share a value, define it in [constants]",
                e.getMessage());
        assertEquals(Optional.of("x"), e.key());
    }

    @Test
    void laterKeyOfTheSameSectionIsNotYetVisible() {
        assertEquals("test.ini:2: Undefined constant 'b' in machine file variable 'a': 'b' is set only later in [p]"
                + " (line 3), and a name must be defined above its use: move it up (or into [constants])",
                error("[p]\na = b\nb = 'x'\n").getMessage());
        assertEquals("test.ini:2: Undefined constant 'b' in machine file variable 'a': 'b' is set only later in"
                + " [constants] (line 3), and a name must be defined above its use: move it up",
                error("[constants]\na = b\nb = 'x'\n").getMessage());
    }

    @Test
    void unknownNameSuggestsQuoting() {
        assertEquals("test.ini:2: Undefined constant 'aarch64' in machine file variable 'x': names must be defined"
                + " earlier in [constants] or in the same section; if you meant the text, quote it: 'aarch64'",
                valueError("aarch64").getMessage());
    }

    @Test
    void undefinedNameInsideAMultiLineValueNamesItsOwnLine() {
        assertEquals(4, error("[p]\nx = [\n  'a',\n  nosuch,\n  ]\n").line());
    }

    @Test
    void tildeIsTheHomeDirectoryWhenKnown() throws CrossFileException {
        assertEquals(Value.of("/home/u/x"), value("~ / 'x'"));
        assertEquals(Value.of("~"), value("'~'"));
    }

    @Test
    void tildeWithoutAKnownHomeIsAnError() {
        CrossFileException e = assertThrows(CrossFileException.class, () -> MachineFile.parse(
                List.of(MachineFileSource.of("t.ini", "[p]\nx = ~ / 'x'\n".getBytes(StandardCharsets.UTF_8))),
                MachineFileContext.none()));

        assertEquals("t.ini:2: Undefined constant '~' in machine file variable 'x': ~ stands for the home directory,"
                + " which is not known here; write the path out", e.getMessage());
    }

    @Test
    void valuesKeepTheirTypesInEverySection() throws CrossFileException {
        MachineFile file = parse("[built-in options]\noptimization = 1\n[project options]\nopt = true\n");

        assertEquals(Value.of(1), file.entry("built-in options", "optimization").orElseThrow().value());
        assertEquals(Value.of(true), file.entry("project options", "opt").orElseThrow().value());
    }
}
