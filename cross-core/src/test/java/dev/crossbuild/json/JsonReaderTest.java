package dev.crossbuild.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class JsonReaderTest {

    @Test
    void readsBackWhatJsonWritesInDocumentOrder() throws JsonException {
        Map<String, Object> host = new LinkedHashMap<>();
        host.put("system", "linux");
        host.put("kernel", Optional.empty());
        host.put("is_64_bit", true);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("zeta", 1L);
        root.put("host", host);
        root.put("argv", List.of("qemu-aarch64", "-L", "/usr/aarch64-linux-gnu"));
        root.put("nested", List.of(Map.of("a", List.of()), Map.of()));
        root.put("text", "quote \" backslash \\ tab \t newline \n nul \u0000 é");
        root.put("answer", -42L);

        Map<String, Object> read = JsonReader.parseObject(Json.write(root));

        assertEquals(List.of("zeta", "host", "argv", "nested", "text", "answer"), new ArrayList<>(read.keySet()));
        assertEquals(Arrays.asList("linux", null, true), new ArrayList<>(((Map<?, ?>) read.get("host")).values()));
        assertEquals(root.get("argv"), read.get("argv"));
        assertEquals(root.get("nested"), read.get("nested"));
        assertEquals(root.get("text"), read.get("text"));
        assertEquals(-42L, read.get("answer"));
    }

    @Test
    void readsEveryKindOfScalar() throws JsonException {
        assertEquals(Boolean.TRUE, JsonReader.parse("true"));
        assertEquals(Boolean.FALSE, JsonReader.parse(" false "));
        assertNull(JsonReader.parse("null"));
        assertEquals(0L, JsonReader.parse("0"));
        assertEquals(-0.5, JsonReader.parse("-0.5"));
        assertEquals(1.5e3, JsonReader.parse("1.5E+3"));
        assertEquals(2e-2, JsonReader.parse("2e-2"));
        assertEquals(0L, JsonReader.parse("-0"));
        assertEquals(1796299661377922033L, JsonReader.parse("1796299661377922033"));
        assertEquals(999_999_999_999_999_999L, JsonReader.parse("999999999999999999"));
        assertEquals(-999_999_999_999_999_999L, JsonReader.parse("-999999999999999999"));
        assertEquals(Long.MIN_VALUE, JsonReader.parse("-9223372036854775808"));
        assertEquals(new BigInteger("-9223372036854775809"), JsonReader.parse("-9223372036854775809"));
        assertEquals(Long.MAX_VALUE, JsonReader.parse("9223372036854775807"));
        assertEquals(new BigInteger("9223372036854775808"), JsonReader.parse("9223372036854775808"));
        assertEquals("\u00e9\ud83d\ude00/", JsonReader.parse("\"\\u00E9\\ud83d\\ude00\\/\""));
        assertEquals("\b\f\r", JsonReader.parse("\"\\b\\f\\r\""));
    }

    @Test
    void collectionsAreUnmodifiable() throws JsonException {
        Map<String, Object> read = JsonReader.parseObject("{\"a\": [1]}");
        assertThrows(UnsupportedOperationException.class, () -> read.put("b", 2L));
        assertThrows(UnsupportedOperationException.class, () -> ((List<?>) read.get("a")).clear());
    }

    @Test
    void rejectsTrailingCommaWithPosition() {
        JsonException e = assertThrows(JsonException.class, () -> JsonReader.parse("{\n  \"a\": 1,\n}"));
        assertEquals("line 3, column 1: expected a string key, found \"}\"", e.getMessage());
        assertEquals(3, e.line());
        assertEquals(1, e.column());
        assertEquals(12, e.offset());
    }

    @Test
    void rejectsDuplicateKeys() {
        JsonException e = assertThrows(JsonException.class, () -> JsonReader.parse("{\"a\": 1, \"a\": 2}"));
        assertEquals("line 1, column 10: duplicate key \"a\"", e.getMessage());
    }

    @Test
    void rejectsWhatLenientParsersAccept() {
        assertError("[1,]", "line 1, column 4: expected a value, found \"]\"");
        assertError("{'a': 1}", "line 1, column 2: expected a string key, found \"'a':\"");
        assertError("// c\n1", "line 1, column 1: expected a value, found \"//\"");
        assertError("01", "line 1, column 1: leading zero in the number 01");
        assertError("-", "line 1, column 2: expected a digit in a number, found the end of the document");
        assertError("1.", "line 1, column 3: expected a digit after the decimal point, found the end of the document");
        assertError("1e", "line 1, column 3: expected a digit in the exponent, found the end of the document");
        assertError("+1", "line 1, column 1: expected a value, found \"+1\"");
        assertError("NaN", "line 1, column 1: expected a value, found \"NaN\"");
        assertError("tru", "line 1, column 1: expected a value, found \"tru\"");
        assertError("\"a\tb\"", "line 1, column 3: control character U+0009 in a string; write it as an escape");
        assertError("\"\\x\"", "line 1, column 2: invalid escape \\x in a string");
        assertError("\"\\u12g4\"", "line 1, column 2: invalid \\u escape: expected four hexadecimal digits, found \"\\u12g4\"");
        assertError("\"\\u12", "line 1, column 2: incomplete \\u escape: expected four hexadecimal digits");
        assertError("\"abc", "line 1, column 5: unterminated string: expected '\"', found the end of the document");
        assertError("{\"a\" 1}", "line 1, column 6: expected ':' after the key \"a\", found \"1}\"");
        assertError("[1 2]", "line 1, column 4: expected ',' or ']' in an array, found \"2]\"");
        assertError("{\"a\": 1 \"b\": 2}", "line 1, column 9: expected ',' or '}' in an object, found \"\"b\":\"");
        assertError("1 2", "line 1, column 3: expected the end of the document after the value, found \"2\"");
        assertError("", "line 1, column 1: expected a value, found the end of the document");
        assertError("\u00a01", "line 1, column 1: expected a value, found \"\u00a01\"");
    }

    @Test
    void rejectsNestingBeyondTheLimitInsteadOfOverflowingTheStack() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        JsonException e = assertThrows(JsonException.class, () -> JsonReader.parse(deep));
        assertEquals("line 1, column 513: nesting deeper than 512 levels", e.getMessage());
        assertTrue(JsonReader.typeName(assertDoesNotThrowParse("[".repeat(512) + "]".repeat(512))).equals("array"));
    }

    @Test
    void parseObjectRejectsOtherTopLevelValues() {
        JsonException e = assertThrows(JsonException.class, () -> JsonReader.parseObject("[1]"));
        assertEquals("line 1, column 1: expected an object at the top level, found array", e.getMessage());
    }

    private static Object assertDoesNotThrowParse(String text) {
        try {
            return JsonReader.parse(text);
        } catch (JsonException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertError(String text, String message) {
        JsonException e = assertThrows(JsonException.class, () -> JsonReader.parse(text), text);
        assertEquals(message, e.getMessage(), text);
    }
}
