package dev.crossbuild.crossfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.crossbuild.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every case of {@code empirical/syntax/} (spec 1.4, EXPECTED.md) through {@link MachineFile#parse}: the value
 * Meson produced, or our error with its line, key and exact message. Semantic problems (e18-e20, e24, e27, e28)
 * parse here; the semantic layer reports them.
 */
class SyntaxFixturesTest {

    private static final Path SYNTAX = Fixtures.mesonCross("empirical/syntax");
    private static final String DIR = SYNTAX.toAbsolutePath().toString();
    private static final MachineFileContext CONTEXT =
            new MachineFileContext(Optional.empty(), Optional.of(Path.of("/home/tester")));

    private static final Map<String, Outcome> EXPECTED = expectations(
            error("e01_unterminated_string.txt", 3, "strip",
                    "value of 'strip' has an unterminated string 'aarch64-linux-gnu-strip: the closing ' is"
                    + " missing"),
            error("e02_double_quotes.txt", 2, "c",
                    "value of 'c' is a double-quoted string; machine files only accept single quotes:"
                    + " 'aarch64-linux-gnu-gcc'"),
            error("e03_unquoted_word.txt", 2, "c",
                    "Undefined constant 'aarch64' in machine file variable 'c': names must be defined earlier"
                    + " in [constants] or in the same section; if you meant the text, quote it: 'aarch64'"),
            error("e04_no_section_header.txt", 1, "c",
                    "found \"c = 'gcc'\" before any section header; every key belongs to a section such as"
                    + " [binaries], [properties] or [host_machine], so start the file with one (Meson: \"File"
                    + " contains no section headers\")"),
            error("e05_no_equals.txt", 3, null,
                    "expected 'key = value' or a [section] header, found \"strip 'x'\"; a key line needs '='"
                    + " between key and value"),
            error("e06_colon_delimiter.txt", 3, "strip",
                    "expected 'key = value', found \"strip: 'x'\"; machine files separate key and value with '='"
                    + " only, not ':' (write strip = 'x')"),
            error("e07_duplicate_key.txt", 3, "c",
                    "key 'c' appears twice in section [binaries] (first on line 2); a key may be set once per"
                    + " file (a later machine file may override it)"),
            error("e08_duplicate_section.txt", 8, null,
                    "section [binaries] appears twice in this file (first on line 1); merge the two into one"
                    + " section"),
            error("e09_empty_value.txt", 3, "strip",
                    "value of 'strip' is empty; write a value such as 'text', true, 42 or [] (or remove the"
                    + " line)"),
            error("e10_key_with_space.txt", 4, "my key",
                    "Malformed variable name 'my key' in machine file; keys cannot contain spaces, tabs or"
                    + " quotes"),
            error("e11_int_plus_int.txt", 4, "x",
                    "value of 'x' adds the integer 1 and the integer 2, but '+' joins two strings or two"
                    + " arrays; there is no arithmetic in machine files (Meson: \"Unsupported node type\")"),
            error("e12_str_plus_list.txt", 4, "x",
                    "value of 'x' adds the string 'a' and the array ['b'], but '+' joins two strings or two"
                    + " arrays; to put a string in front of an array write ['a'] + [...] (Meson: \"Unsupported"
                    + " node type\")"),
            error("e13_negative_int.txt", 4, "x",
                    "value of 'x' uses the operator '-' (there are no negative numbers or subtraction), which"
                    + " machine files do not support; a value may use only strings in single quotes, true/false,"
                    + " integers, arrays, names of constants, parentheses, + and / (Meson: \"Unsupported node"
                    + " type\")"),
            error("e14_dict.txt", 4, "x",
                    "value of 'x' uses a dictionary ({...}), which machine files do not support; a value may"
                    + " use only strings in single quotes, true/false, integers, arrays, names of constants,"
                    + " parentheses, + and / (Meson: \"Unsupported node type\")"),
            error("e15_function_call.txt", 4, "x",
                    "value of 'x' calls the function files(...), which machine files do not support; a value"
                    + " may use only strings in single quotes, true/false, integers, arrays, names of constants,"
                    + " parentheses, + and / (Meson: \"Unsupported node type\")"),
            error("e16_undefined_constant.txt", 4, "x",
                    "Undefined constant 'nosuch' in machine file variable 'x': names must be defined earlier in"
                    + " [constants] or in the same section; if you meant the text, quote it: 'nosuch'"),
            error("e17_forward_reference.txt", 4, "a",
                    "Undefined constant 'b' in machine file variable 'a': 'b' is set only later in [properties]"
                    + " (line 5), and a name must be defined above its use: move it up (or into [constants])"),
            ok("e18_missing_cpu.txt", "host_machine", "endian", Value.of("little")),
            ok("e19_missing_cpu_extra_key.txt", "host_machine", "subsystem", Value.of("foo")),
            ok("e20_binary_bool.txt", "binaries", "strip", Value.of(true)),
            error("e21_escaped_quote.txt", 4, "x",
                    "value of 'x' has \\' inside a string, but machine files have no escape sequences: a"
                    + " backslash stays a backslash and a single quote cannot appear inside a string (Meson:"
                    + " \"Expecting eof got id\")"),
            error("e22_two_values.txt", 4, "x",
                    "value of 'x' has more than one value: found the string 'b' after a complete value; a value"
                    + " is exactly one expression (join strings with +, e.g. 'a' + 'b'; Meson: \"Expecting eof\")"),
            error("e23_string_times.txt", 4, "x",
                    "value of 'x' uses the operator '*', which machine files do not support; a value may use"
                    + " only strings in single quotes, true/false, integers, arrays, names of constants,"
                    + " parentheses, + and / (Meson: \"Unsupported node type\")"),
            ok("e24_int_in_host_machine.txt", "host_machine", "endian", Value.of(1)),
            error("e25_array_with_int.txt", 4, "x",
                    "value of 'x' has an array whose element 2 is the integer 1, but array elements must be"
                    + " strings (Meson 1.8 and later stop with an internal error on anything else); quote it: '1'"),
            error("e26_array_with_bool.txt", 4, "x",
                    "value of 'x' has an array whose element 2 is the boolean true, but array elements must be"
                    + " strings (Meson 1.8 and later stop with an internal error on anything else); quote it:"
                    + " 'true'"),
            ok("e27_sub_in_section_name.txt", "foo:bar:built-in options", "c_std", Value.of("c99")),
            ok("e28_subproject_key_in_builtin.txt", "built-in options", "sub:c_std", Value.of("c99")),
            ok("e29_tilde.txt", "properties", "home", Value.of("/home/tester/x")),
            ok("e30_dirname.txt", "properties", "d", Value.of(DIR + "/x")),
            ok("e31_paren.txt", "properties", "p", Value.of("ab")),
            error("e32_bom.txt", 1, null,
                    "the file starts with a UTF-8 byte order mark (BOM), which Meson rejects (\"File contains no"
                    + " section headers\"); save the file as UTF-8 without a BOM"),
            error("e33_latin1.txt", 4, null,
                    "byte 0xe9 (byte 9 of the line) is not valid UTF-8; machine files must be UTF-8 encoded:"
                    + " save the file as UTF-8 (it may be Latin-1 or Windows-1252 now)"),
            ok("e34_multiline_string.txt", "properties", "x", Value.of("abc")),
            ok("e35_fstring.txt", "properties", "x", Value.of("abc")),
            error("e36_boolean_keyword_caps.txt", 4, "x",
                    "Undefined constant 'TRUE' in machine file variable 'x': booleans are written true or false"),
            error("e37_compare.txt", 4, "x",
                    "value of 'x' uses the comparison operator '==', which machine files do not support; a"
                    + " value may use only strings in single quotes, true/false, integers, arrays, names of"
                    + " constants, parentheses, + and / (Meson: \"Unsupported node type\")"),
            error("e38_ternary.txt", 4, "x",
                    "value of 'x' uses the conditional operator '? :', which machine files do not support; a"
                    + " value may use only strings in single quotes, true/false, integers, arrays, names of"
                    + " constants, parentheses, + and / (Meson: \"Unsupported node type\")"),
            error("e40_semicolon_inline_comment.txt", 5, "x",
                    "value of 'x' has ';' after the value; ';' starts a comment only at the beginning of a"
                    + " line, after a value use '#' (Meson: \"lexer: unrecognized token ';'\")"),
            error("e41_continuation_outside_brackets.txt", 6, "x",
                    "value of 'x' continues on line 6 (\"'b'\") outside brackets; only an array [...] or"
                    + " parentheses (...) may span lines: wrap the expression in (...) or put it on one line"),
            error("e42_float.txt", 5, "x",
                    "value of 'x' is the number 1.5, but machine files have no floating-point numbers (Meson:"
                    + " \"meson does not support float numbers\"); write it as a string: '1.5'"),
            error("e43_empty_key.txt", 5, null,
                    "expected a key name before '=', found \"= 'x'\""),
            error("e44_leading_zero.txt", 5, "x",
                    "value of 'x' has the integer 010 with a leading zero, which Meson does not accept; write"
                    + " 10, or 0o10 for an octal number"),
            ok("e45_multiline_array_with_blank_line.txt", "properties", "x", Value.ofStrings(List.of("a", "b"))),
            error("e46_nested_array.txt", 5, "x",
                    "value of 'x' has an array whose element 1 is the array ['a'], but array elements must be"
                    + " strings (Meson 1.8 and later stop with an internal error on anything else); flatten it"
                    + " (arrays can be joined with +)"),
            ok("e47_key_shadows_constant.txt", "properties", "x", Value.of("const-local")),
            error("e48_cross_section_reference.txt", 5, "x",
                    "Undefined constant 'c' in machine file variable 'x': 'c' is a key of [binaries], and keys"
                    + " of other sections are not visible; to share a value, define it in [constants]"),
            ok("e49_dirname_in_key_and_comment.txt", "properties", "x", Value.of(DIR))    );

    @TestFactory
    Stream<DynamicTest> everySyntaxFixtureHasTheExpectedOutcome() throws IOException {
        try (Stream<Path> files = Files.list(SYNTAX)) {
            return files.sorted().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                Outcome outcome = EXPECTED.get(file.getFileName().toString());
                if (outcome == null) {
                    fail("no expected outcome for the fixture " + file + "; add it to the table");
                }
                outcome.check(file);
            })).toList().stream();
        }
    }

    @Test
    void everyExpectationHasAFixture() throws IOException {
        Set<String> present;
        try (Stream<Path> files = Files.list(SYNTAX)) {
            present = files.map(f -> f.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(new TreeSet<>(EXPECTED.keySet()), present);
    }

    private interface Outcome {
        void check(Path file) throws Exception;
    }

    private static Map.Entry<String, Outcome> ok(String file, String section, String key, Value expected) {
        return Map.entry(file, path -> {
            MachineFile parsed = MachineFile.parse(List.of(MachineFileSource.read(path)), CONTEXT);
            Entry entry = parsed.entry(section, key).orElseThrow(() -> new AssertionError(
                    "no [" + section + "] " + key + " in " + parsed.sections()));
            assertEquals(expected, entry.value(), file);
        });
    }

    private static Map.Entry<String, Outcome> error(String file, int line, String key, String problem) {
        return Map.entry(file, path -> {
            CrossFileException e = assertThrows(CrossFileException.class,
                    () -> MachineFile.parse(List.of(MachineFileSource.read(path)), CONTEXT));
            assertEquals(problem, e.problem(), file);
            assertEquals(Optional.of(path.toString()), e.file(), file);
            assertEquals(line, e.line(), file);
            assertEquals(Optional.ofNullable(key), e.key(), file);
            assertTrue(e.getMessage().startsWith(path + ":" + line + ": "), e.getMessage());
        });
    }

    @SafeVarargs
    private static Map<String, Outcome> expectations(Map.Entry<String, Outcome>... entries) {
        Map<String, Outcome> map = new LinkedHashMap<>();
        for (Map.Entry<String, Outcome> entry : entries) {
            if (map.put(entry.getKey(), entry.getValue()) != null) {
                throw new IllegalStateException("two expectations for " + entry.getKey());
            }
        }
        return map;
    }
}
