package dev.crossbuild.crossfile;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The INI layer of one machine file, following Python's {@code configparser} as Meson configures it: only
 * {@code =} separates, whole-line {@code #}/{@code ;} comments, a line indented deeper than its key line
 * continues the value, and a repeated section or key inside one file is an error. Stricter than Meson where it
 * would silently do something surprising: {@code [DEFAULT]}, text after a section header, spaces inside the
 * brackets.
 */
final class IniReader {

    static final String SOURCE_ROOT_TOKEN = "@GLOBAL_SOURCE_ROOT@";
    static final String DIRNAME_TOKEN = "@DIRNAME@";
    private static final Pattern LINE_BREAK = Pattern.compile("\r\n|\r|\n");

    private final String file;
    private final List<RawSection> sections = new ArrayList<>();
    private final Map<String, RawSection> byName = new HashMap<>();
    private RawSection current;
    private PendingValue pending;
    private String previousKey; // the key whose value ended just before this line, for the continuation hint
    private int indentLevel;

    private IniReader(String file) {
        this.file = file;
    }

    /** Decodes, substitutes the pre-parse tokens and reads the sections of one file, in file order. */
    static List<RawSection> read(MachineFileSource source, MachineFileContext context) throws CrossFileException {
        String text = substituteTokens(decode(source), source, context);
        IniReader reader = new IniReader(source.name());
        // Python reads the file with universal newlines: a lone CR ends a line too, as in Meson
        reader.readLines(LINE_BREAK.split(text, -1));
        return reader.sections;
    }

    /**
     * Meson 1.3+: blind text replacement before parsing (also in comments and keys); unknown values stay literal.
     * The result is held to the file size limit, so repeating a token cannot blow a small file up.
     */
    static String substituteTokens(String text, MachineFileSource source, MachineFileContext context)
            throws CrossFileException {
        String result = text;
        if (context.sourceRoot().isPresent()) {
            result = replace(result, SOURCE_ROOT_TOKEN, context.sourceRoot().get().toString(), source.name());
        }
        if (source.path().isPresent()) {
            Path parent = source.path().get().toAbsolutePath().getParent();
            if (parent != null) {
                result = replace(result, DIRNAME_TOKEN, parent.toString(), source.name());
            }
        }
        return result;
    }

    private static String replace(String text, String token, String replacement, String file)
            throws CrossFileException {
        StringBuilder out = new StringBuilder();
        int from = 0;
        for (int at = text.indexOf(token); at >= 0; at = text.indexOf(token, from)) {
            out.append(text, from, at).append(replacement);
            from = at + token.length();
            if (out.length() + text.length() - from > MachineFileLimits.FILE_BYTES) {
                throw new CrossFileException(file, lineOf(text, at), null, "replacing " + token + " with "
                        + MachineFileLimits.abbreviate(replacement) + " makes the file longer than the limit of "
                        + MachineFileLimits.count(MachineFileLimits.FILE_BYTES) + " characters (1 MiB) for a"
                        + " machine file; write " + token + " fewer times (a constant can hold it once)");
            }
        }
        return out.append(text, from, text.length()).toString();
    }

    /** The 1-based line of a character offset, counting line breaks as {@link #LINE_BREAK} does. */
    private static int lineOf(CharSequence text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) {
                line++;
            }
        }
        return line;
    }

    /** Strict UTF-8, no byte order mark (Meson does not strip one and then finds no section header). */
    static String decode(MachineFileSource source) throws CrossFileException {
        byte[] bytes = source.content();
        if (bytes.length > MachineFileLimits.FILE_BYTES) {
            throw MachineFileSource.tooLarge(source.name());
        }
        if (startsWith(bytes, 0xEF, 0xBB, 0xBF)) {
            throw new CrossFileException(source.name(), 1, null,
                    "the file starts with a UTF-8 byte order mark (BOM), which Meson rejects"
                            + " (\"File contains no section headers\"); save the file as UTF-8 without a BOM");
        }
        if (startsWith(bytes, 0xFF, 0xFE) || startsWith(bytes, 0xFE, 0xFF)) {
            throw new CrossFileException(source.name(), 1, null,
                    "the file starts with a UTF-16 byte order mark; machine files must be UTF-8:"
                            + " save the file as UTF-8 without a BOM");
        }
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw invalidUtf8(source.name(), bytes, in.position());
        }
        return out.flip().toString();
    }

    private static CrossFileException invalidUtf8(String file, byte[] bytes, int offset) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.length || bytes[i + 1] != '\n'))) {
                line++;
                lineStart = i + 1;
            }
        }
        return new CrossFileException(file, line, null, String.format(
                "byte 0x%02x (byte %d of the line) is not valid UTF-8; machine files must be UTF-8 encoded:"
                        + " save the file as UTF-8 (it may be Latin-1 or Windows-1252 now)",
                bytes[offset] & 0xFF, offset - lineStart + 1));
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private void readLines(String[] lines) throws CrossFileException {
        for (int i = 0; i < lines.length; i++) {
            readLine(lines[i], i + 1);
        }
        finishPending();
    }

    private void readLine(String line, int lineNumber) throws CrossFileException {
        rejectControlCharacters(line, lineNumber);
        String text = line.strip();
        if (text.startsWith("#") || text.startsWith(";")) {
            return; // a whole-line comment neither ends nor extends a value
        }
        if (text.isEmpty()) {
            if (pending != null) {
                pending.add("", lineNumber); // configparser keeps blank lines inside a value
            }
            return;
        }
        int indent = indentOf(line);
        if (pending != null && indent > indentLevel) {
            pending.add(text, lineNumber);
            return;
        }
        previousKey = pending == null ? null : pending.key;
        finishPending();
        indentLevel = indent;
        if (text.startsWith("[")) {
            readSectionHeader(text, lineNumber);
        } else if (current == null) {
            throw new CrossFileException(file, lineNumber, keyOf(text),
                    "found \"" + MachineFileLimits.abbreviate(text) + "\" before any section header; every key"
                            + " belongs to a section such as [binaries], [properties] or [host_machine], so start the"
                            + " file with one (Meson: \"File contains no section headers\")");
        } else {
            readKeyLine(text, lineNumber);
        }
    }

    /**
     * Stricter than Meson, which passes control characters on: NUL cannot be part of a path or a command-line
     * argument (the doctor and the compilers would fail far from the file), and the others (tab aside) are invisible
     * in editors and messages, so each is almost surely damage. Also in comments: a machine file is text.
     */
    private void rejectControlCharacters(String line, int lineNumber) throws CrossFileException {
        int column = 0;
        while (column < line.length() && !isControl(line.charAt(column))) {
            column++;
        }
        if (column == line.length()) {
            return;
        }
        String text = line.strip();
        boolean continuation = pending != null && !text.isEmpty() && indentOf(line) > indentLevel;
        String key = continuation ? pending.key
                : text.startsWith("#") || text.startsWith(";") || text.startsWith("[") ? null : keyOf(text);
        boolean inValue = continuation || (key != null && column > line.indexOf('='));
        char c = line.charAt(column);
        String what = "the control character " + ValueText.character(c) + " at column " + (column + 1)
                + (c == 0 ? ", which cannot be part of a path or a command-line argument" : "")
                + "; machine files are text, and control characters other than tab are not allowed: remove it";
        throw inValue
                ? new CrossFileException(file, lineNumber, key, "value of '" + key + "' contains " + what)
                : new CrossFileException(file, lineNumber, null, "the line contains " + what);
    }

    private static boolean isControl(char c) {
        return Character.isISOControl(c) && c != '\t';
    }

    private void readSectionHeader(String text, int lineNumber) throws CrossFileException {
        int close = text.indexOf(']');
        if (close < 0) {
            throw new CrossFileException(file, lineNumber, null,
                    "section header \"" + MachineFileLimits.abbreviate(text)
                            + "\" has no closing ']'; write it as [name]");
        }
        String name = text.substring(1, close);
        String rest = text.substring(close + 1).strip();
        if (!rest.isEmpty() && !rest.startsWith("#") && !rest.startsWith(";")) {
            throw new CrossFileException(file, lineNumber, null,
                    "unexpected text \"" + MachineFileLimits.abbreviate(rest) + "\" after the section header ["
                            + MachineFileLimits.abbreviate(name) + "]; a section header"
                            + " stands alone on its line (put keys on the lines below it)");
        }
        if (name.isEmpty()) {
            throw new CrossFileException(file, lineNumber, null,
                    "empty section name []; expected a name such as [binaries]");
        }
        if (!name.equals(name.strip())) {
            throw new CrossFileException(file, lineNumber, null,
                    "section name [" + name + "] has spaces inside the brackets, which Meson keeps as part of the"
                            + " name (so it would not be [" + name.strip() + "]); write [" + name.strip() + "]");
        }
        if (name.equals("DEFAULT")) {
            throw new CrossFileException(file, lineNumber, null,
                    "section [DEFAULT] is not supported: Meson would copy its keys into every other section"
                            + " (and then reject them in [built-in options]); put shared values in [constants] and"
                            + " refer to them by name");
        }
        RawSection existing = byName.get(name);
        if (existing != null) {
            throw new CrossFileException(file, lineNumber, null,
                    "section [" + name + "] appears twice in this file (first on line " + existing.line
                            + "); merge the two into one section");
        }
        current = new RawSection(name, file, lineNumber);
        sections.add(current);
        byName.put(name, current);
    }

    private void readKeyLine(String text, int lineNumber) throws CrossFileException {
        int equals = text.indexOf('=');
        if (equals < 0) {
            int colon = text.indexOf(':');
            if (colon > 0) {
                String key = text.substring(0, colon).strip();
                throw new CrossFileException(file, lineNumber, key,
                        "expected 'key = value', found \"" + MachineFileLimits.abbreviate(text) + "\"; machine"
                                + " files separate key and value with '=' only, not ':' (write "
                                + MachineFileLimits.abbreviate(key) + " = "
                                + MachineFileLimits.abbreviate(text.substring(colon + 1).strip()) + ")");
            }
            boolean looksContinued = "])},'+/".indexOf(text.charAt(0)) >= 0;
            String hint = looksContinued && previousKey != null
                    ? "; if this line continues the value of '" + previousKey + "', indent it deeper than that key"
                    : "; a key line needs '=' between key and value";
            throw new CrossFileException(file, lineNumber, null,
                    "expected 'key = value' or a [section] header, found \"" + MachineFileLimits.abbreviate(text)
                            + "\"" + hint);
        }
        String key = text.substring(0, equals).strip();
        if (key.isEmpty()) {
            throw new CrossFileException(file, lineNumber, null,
                    "expected a key name before '=', found \"" + MachineFileLimits.abbreviate(text) + "\"");
        }
        if (key.chars().anyMatch(c -> c == ' ' || c == '\t' || c == '\'' || c == '"')) {
            String hint = key.matches("[^\\s'\"]+:\\s.*") // "key: value" with a later '=' inside the value
                    ? "; key and value are separated by '=', not ':'"
                    : "; keys cannot contain spaces, tabs or quotes";
            throw new CrossFileException(file, lineNumber, key,
                    "Malformed variable name '" + MachineFileLimits.abbreviate(key) + "' in machine file" + hint);
        }
        RawValue existing = current.values.get(key);
        if (existing != null) {
            throw new CrossFileException(file, lineNumber, key,
                    "key '" + key + "' appears twice in section [" + current.name + "] (first on line "
                            + existing.keyLine() + "); a key may be set once per file (a later machine file may"
                            + " override it)");
        }
        pending = new PendingValue(key);
        pending.add(text.substring(equals + 1).strip(), lineNumber);
    }

    private void finishPending() {
        if (pending == null) {
            return;
        }
        // configparser joins the pieces with newlines and strips the end, so trailing blank lines vanish
        int end = pending.pieces.size();
        while (end > 1 && pending.pieces.get(end - 1).isEmpty()) {
            end--;
        }
        current.values.put(pending.key, new RawValue(file, current.name, pending.key,
                pending.pieces.subList(0, end), pending.lines.subList(0, end)));
        pending = null;
    }

    private static int indentOf(String line) {
        int i = 0;
        while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
            i++;
        }
        return i;
    }

    private static String keyOf(String text) {
        int equals = text.indexOf('=');
        if (equals <= 0) {
            return null;
        }
        String key = text.substring(0, equals).strip();
        return key.isEmpty() ? null : key;
    }

    private static final class PendingValue {
        final String key;
        final List<String> pieces = new ArrayList<>();
        final List<Integer> lines = new ArrayList<>();

        PendingValue(String key) {
            this.key = key;
        }

        void add(String piece, int line) {
            pieces.add(piece);
            lines.add(line);
        }
    }
}
