package dev.crossbuild.json;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON (RFC 8259) strictly into plain Java values, the inverse of {@link Json}: objects become unmodifiable
 * {@code Map<String, Object>} in document order, arrays unmodifiable {@code List<Object>}, strings {@link String},
 * {@code true}/{@code false} {@link Boolean}, {@code null} Java {@code null}, integers {@link Long} (or
 * {@link BigInteger} beyond its range) and numbers with a fraction or exponent {@link Double}.
 *
 * <p>Strict means: no comments, no trailing commas, no single quotes, no leading zeros, no raw control characters
 * in strings, no duplicate keys in an object, nothing but whitespace after the value. Files we read back (caches)
 * are files we wrote; anything else is damage, and damage should be noticed, not guessed around.
 */
public final class JsonReader {

    /** Deeper nesting than any file of ours; guards the recursion against hostile or corrupted input. */
    private static final int MAX_DEPTH = 512;

    private final String text;
    private int position;

    private JsonReader(String text) {
        this.text = text;
    }

    /** The value of the JSON document {@code text}. */
    public static Object parse(String text) throws JsonException {
        JsonReader reader = new JsonReader(text);
        reader.skipWhitespace();
        Object value = reader.value(0);
        reader.skipWhitespace();
        if (reader.position < text.length()) {
            throw reader.error("expected the end of the document after the value, found " + reader.describeNext());
        }
        return value;
    }

    /** The JSON document {@code text}, which must be an object. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String text) throws JsonException {
        Object value = parse(text);
        if (!(value instanceof Map)) {
            throw new JsonException(1, 1, 0, "expected an object at the top level, found " + typeName(value));
        }
        return (Map<String, Object>) value;
    }

    /** {@code object}, {@code array}, {@code string}, {@code number}, {@code boolean} or {@code null}. */
    public static String typeName(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map) {
            return "object";
        }
        if (value instanceof List) {
            return "array";
        }
        if (value instanceof String) {
            return "string";
        }
        return value instanceof Boolean ? "boolean" : "number";
    }

    private Object value(int depth) throws JsonException {
        if (position >= text.length()) {
            throw error("expected a value, found the end of the document");
        }
        char c = text.charAt(position);
        return switch (c) {
            case '{' -> object(depth + 1);
            case '[' -> array(depth + 1);
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> {
                if (c == '-' || (c >= '0' && c <= '9')) {
                    yield number();
                }
                throw error("expected a value, found " + describeNext());
            }
        };
    }

    private Map<String, Object> object(int depth) throws JsonException {
        checkDepth(depth);
        position++; // {
        Map<String, Object> members = new LinkedHashMap<>();
        skipWhitespace();
        if (peek() == '}') {
            position++;
            return Collections.unmodifiableMap(members);
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') {
                throw error("expected a string key, found " + describeNext());
            }
            int keyStart = position;
            String key = string();
            if (members.containsKey(key)) {
                position = keyStart;
                throw error("duplicate key \"" + key + "\"");
            }
            skipWhitespace();
            expect(':', "':' after the key \"" + key + "\"");
            skipWhitespace();
            members.put(key, value(depth));
            skipWhitespace();
            if (peek() == ',') {
                position++;
            } else if (peek() == '}') {
                position++;
                return Collections.unmodifiableMap(members);
            } else {
                throw error("expected ',' or '}' in an object, found " + describeNext());
            }
        }
    }

    private List<Object> array(int depth) throws JsonException {
        checkDepth(depth);
        position++; // [
        List<Object> elements = new ArrayList<>();
        skipWhitespace();
        if (peek() == ']') {
            position++;
            return Collections.unmodifiableList(elements);
        }
        while (true) {
            skipWhitespace();
            elements.add(value(depth));
            skipWhitespace();
            if (peek() == ',') {
                position++;
            } else if (peek() == ']') {
                position++;
                return Collections.unmodifiableList(elements);
            } else {
                throw error("expected ',' or ']' in an array, found " + describeNext());
            }
        }
    }

    private String string() throws JsonException {
        position++; // opening quote
        StringBuilder out = new StringBuilder();
        while (true) {
            if (position >= text.length()) {
                throw error("unterminated string: expected '\"', found the end of the document");
            }
            char c = text.charAt(position);
            if (c == '"') {
                position++;
                return out.toString();
            }
            if (c < 0x20) {
                throw error(String.format("control character U+%04X in a string; write it as an escape", (int) c));
            }
            if (c != '\\') {
                out.append(c);
                position++;
                continue;
            }
            position++;
            if (position >= text.length()) {
                throw error("unterminated escape at the end of the document");
            }
            char escaped = text.charAt(position);
            switch (escaped) {
                case '"' -> out.append('"');
                case '\\' -> out.append('\\');
                case '/' -> out.append('/');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    out.append(unicodeEscape());
                    continue; // unicodeEscape moved past the four digits
                }
                default -> {
                    position--;
                    throw error("invalid escape \\" + escaped + " in a string");
                }
            }
            position++;
        }
    }

    private char unicodeEscape() throws JsonException {
        int start = position - 1; // at the backslash
        if (position + 5 > text.length()) {
            position = start;
            throw error("incomplete \\u escape: expected four hexadecimal digits");
        }
        int value = 0;
        for (int i = 1; i <= 4; i++) {
            int digit = Character.digit(text.charAt(position + i), 16);
            if (digit < 0) {
                position = start;
                throw error("invalid \\u escape: expected four hexadecimal digits, found \""
                        + text.substring(start, start + 6) + "\"");
            }
            value = value * 16 + digit;
        }
        position += 5;
        return (char) value;
    }

    private Object number() throws JsonException {
        int start = position;
        if (peek() == '-') {
            position++;
        }
        if (peek() == '0') {
            position++;
            if (isDigit(peek())) {
                position = start;
                throw error("leading zero in the number " + numberText(start));
            }
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw error("expected a digit in a number, found " + describeNext());
        }
        boolean integral = true;
        if (peek() == '.') {
            integral = false;
            position++;
            if (!isDigit(peek())) {
                throw error("expected a digit after the decimal point, found " + describeNext());
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            integral = false;
            position++;
            if (peek() == '+' || peek() == '-') {
                position++;
            }
            if (!isDigit(peek())) {
                throw error("expected a digit in the exponent, found " + describeNext());
            }
            digits();
        }
        if (integral && position - start <= 18) {
            // Up to 18 digits always fit a long: summed here, not parsed through BigInteger (state files hold
            // thousands of sizes and times, read on every build).
            return integer(start);
        }
        String number = text.substring(start, position);
        if (!integral) {
            return Double.parseDouble(number);
        }
        BigInteger big = new BigInteger(number);
        return big.bitLength() < 64 ? (Object) big.longValue() : big;
    }

    /** The integer from {@code start} to the position: an optional minus and at most 18 digits. */
    private long integer(int start) {
        boolean negative = text.charAt(start) == '-';
        long value = 0;
        for (int i = negative ? start + 1 : start; i < position; i++) {
            value = value * 10 + (text.charAt(i) - '0');
        }
        return negative ? -value : value;
    }

    private String numberText(int start) {
        int end = start;
        while (end < text.length() && "+-.eE0123456789".indexOf(text.charAt(end)) >= 0) {
            end++;
        }
        return text.substring(start, end);
    }

    private void digits() {
        while (isDigit(peek())) {
            position++;
        }
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private Object literal(String word, Object value) throws JsonException {
        if (!text.startsWith(word, position)) {
            throw error("expected a value, found " + describeNext());
        }
        position += word.length();
        return value;
    }

    private void expect(char c, String what) throws JsonException {
        if (peek() != c) {
            throw error("expected " + what + ", found " + describeNext());
        }
        position++;
    }

    private void checkDepth(int depth) throws JsonException {
        if (depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH + " levels");
        }
    }

    /** The next character, or -1 at the end. */
    private int peek() {
        return position < text.length() ? text.charAt(position) : -1;
    }

    private void skipWhitespace() {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            position++;
        }
    }

    private String describeNext() {
        if (position >= text.length()) {
            return "the end of the document";
        }
        int end = position;
        while (end < text.length() && end - position < 12 && !Character.isWhitespace(text.charAt(end))) {
            end++;
        }
        return "\"" + text.substring(position, Math.max(end, position + 1)) + "\"";
    }

    private JsonException error(String problem) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < position && i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new JsonException(line, position - lineStart + 1, position, problem);
    }
}
