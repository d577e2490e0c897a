package dev.crossbuild.crossfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Splits a value into tokens the way Meson's lexer does in machine-file mode, with the differences that matter
 * for users: backslashes are never escapes (Meson doubles them before lexing, with the same result for
 * single-quoted strings), a backslash inside a triple-quoted string is refused (Meson doubles it there), and every
 * malformed token gets its own message.
 */
final class ValueLexer {

    private static final Map<String, String> UNSUPPORTED_KEYWORDS = Map.ofEntries(
            Map.entry("and", "the boolean operator 'and'"),
            Map.entry("or", "the boolean operator 'or'"),
            Map.entry("not", "the boolean operator 'not'"),
            Map.entry("in", "the operator 'in'"),
            Map.entry("if", "the statement 'if'"),
            Map.entry("elif", "the statement 'elif'"),
            Map.entry("else", "the statement 'else'"),
            Map.entry("endif", "the statement 'endif'"),
            Map.entry("foreach", "the statement 'foreach'"),
            Map.entry("endforeach", "the statement 'endforeach'"),
            Map.entry("continue", "the statement 'continue'"),
            Map.entry("break", "the statement 'break'"),
            Map.entry("testcase", "the statement 'testcase'"),
            Map.entry("endtestcase", "the statement 'endtestcase'"));

    private final ValueErrors errors;
    private final String text;
    private final List<ValueToken> tokens = new ArrayList<>();
    private int pos;
    private int piece;
    private int depth;

    private ValueLexer(String text, ValueErrors errors) {
        this.text = text;
        this.errors = errors;
    }

    static List<ValueToken> tokenize(RawValue raw, ValueErrors errors) throws CrossFileException {
        ValueLexer lexer = new ValueLexer(String.join("\n", raw.pieces()), errors);
        lexer.run();
        return lexer.tokens;
    }

    private void run() throws CrossFileException {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c == ' ' || c == '\t') {
                pos++;
            } else if (c == '\n') {
                if (depth == 0) { // inside brackets a line break is just white space, as in Meson
                    add(ValueToken.Kind.NEWLINE, "\n", null);
                }
                pos++;
                piece++;
            } else if (c == '#') {
                while (pos < text.length() && text.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (c == 'f' && peek(1) == '\'') {
                pos++; // Meson HEAD reads f'...' in machine files as a plain string, without substitution
                string();
            } else if (c == '\'') {
                string();
            } else if (isDigit(c)) {
                number();
            } else if (isNameStart(c)) {
                name();
            } else {
                punctuation(c);
            }
        }
        add(ValueToken.Kind.END, "", null);
    }

    private void string() throws CrossFileException {
        if (text.startsWith("'''", pos)) {
            tripleQuoted();
            return;
        }
        int start = pos + 1;
        int end = start;
        while (end < text.length() && text.charAt(end) != '\'' && text.charAt(end) != '\n') {
            end++;
        }
        if (end >= text.length() || text.charAt(end) == '\n') {
            boolean closedLater = text.indexOf('\'', end) >= 0;
            throw errors.at(piece, "has an unterminated string "
                    + MachineFileLimits.abbreviate(text.substring(pos, end).strip()) + ": the closing ' is missing"
                    + (closedLater ? " (a single-quoted string cannot span lines; use '''...''' for that)" : ""));
        }
        checkLength(end - start);
        String content = text.substring(start, end);
        if (content.endsWith("\\") && end + 1 < text.length() && !endsToken(text.charAt(end + 1))) {
            throw errors.at(piece, "has \\' inside a string, but machine files have no escape sequences:"
                    + " a backslash stays a backslash and a single quote cannot appear inside a string"
                    + " (Meson: \"Expecting eof got id\")");
        }
        add(ValueToken.Kind.STRING, content, new Value.Str(content));
        pos = end + 1;
    }

    private void tripleQuoted() throws CrossFileException {
        int start = pos + 3;
        int end = text.indexOf("'''", start);
        if (end < 0) {
            throw errors.at(piece, "has an unterminated string: ''' has no closing '''");
        }
        checkLength(end - start);
        String content = text.substring(start, end);
        if (content.indexOf('\\') >= 0) {
            throw errors.at(piece, "has a backslash inside a '''...''' string, which Meson doubles there"
                    + " (it would read '''C:\\dir''' as C:\\\\dir); use a single-quoted string, where backslashes"
                    + " are kept as written");
        }
        add(ValueToken.Kind.STRING, content, new Value.Str(content));
        piece += (int) content.chars().filter(ch -> ch == '\n').count();
        pos = end + 3;
    }

    private void checkLength(int length) throws CrossFileException {
        if (length > MachineFileLimits.VALUE_CHARS) {
            throw errors.at(piece, "has a string of " + MachineFileLimits.count(length) + " characters, over the limit"
                    + " of " + MachineFileLimits.count(MachineFileLimits.VALUE_CHARS) + " for one value (Linux cannot"
                    + " pass a longer string as one command-line argument)");
        }
    }

    private void number() throws CrossFileException {
        int start = pos;
        int end = pos;
        while (end < text.length() && isNamePart(text.charAt(end))) {
            end++;
        }
        if (end + 1 < text.length() && text.charAt(end) == '.' && isDigit(text.charAt(end + 1))) {
            int fractionEnd = end + 1;
            while (fractionEnd < text.length() && isNamePart(text.charAt(fractionEnd))) {
                fractionEnd++;
            }
            String written = text.substring(start, fractionEnd);
            throw errors.at(piece, "is the number " + written + ", but machine files have no floating-point"
                    + " numbers (Meson: \"meson does not support float numbers\"); write it as a string: '"
                    + written + "'");
        }
        String written = text.substring(start, end);
        long value = parseInteger(written);
        add(ValueToken.Kind.NUMBER, written, new Value.Int(value));
        pos = end;
    }

    private long parseInteger(String written) throws CrossFileException {
        String lower = written.toLowerCase(java.util.Locale.ROOT);
        int radix = 10;
        String digits = written;
        if (lower.startsWith("0x")) {
            radix = 16;
            digits = written.substring(2);
        } else if (lower.startsWith("0o")) {
            radix = 8;
            digits = written.substring(2);
        } else if (lower.startsWith("0b")) {
            radix = 2;
            digits = written.substring(2);
        } else if (written.length() > 1 && written.charAt(0) == '0' && written.chars().allMatch(ValueLexer::isDigit)) {
            throw errors.at(piece, "has the integer " + written + " with a leading zero, which Meson does not"
                    + " accept; write " + written.replaceFirst("^0+(?=.)", "") + ", or 0o"
                    + written.replaceFirst("^0+(?=.)", "") + " for an octal number");
        }
        int base = radix;
        if (digits.isEmpty() || !digits.chars().allMatch(ch -> Character.digit(ch, base) >= 0)) {
            throw errors.at(piece, "has the malformed number " + written + "; integers are written 42, 0x2a,"
                    + " 0o52 or 0b101010 (to write text, quote it: '" + written + "')");
        }
        try {
            return Long.parseLong(digits, radix);
        } catch (NumberFormatException e) {
            throw errors.at(piece, "has the integer " + written + ", which is too large (at most "
                    + Long.MAX_VALUE + "); write it as a string: '" + written + "'");
        }
    }

    private void name() throws CrossFileException {
        int start = pos;
        while (pos < text.length() && isNamePart(text.charAt(pos))) {
            pos++;
        }
        String word = text.substring(start, pos);
        if (word.equals("true") || word.equals("false")) {
            add(ValueToken.Kind.BOOLEAN, word, new Value.Bool(word.equals("true")));
        } else if (UNSUPPORTED_KEYWORDS.containsKey(word)) {
            add(ValueToken.Kind.UNSUPPORTED, UNSUPPORTED_KEYWORDS.get(word), null);
        } else {
            add(ValueToken.Kind.NAME, word, null);
        }
    }

    private void punctuation(char c) throws CrossFileException {
        switch (c) {
            // Meson 1.11+: a builtin constant holding the home directory
            case '~' -> emit(ValueToken.Kind.NAME, "~", 1);
            case '(' -> {
                depth++;
                emit(ValueToken.Kind.LPAREN, "(", 1);
            }
            case '[' -> {
                depth++;
                emit(ValueToken.Kind.LBRACKET, "[", 1);
            }
            case '{' -> {
                depth++;
                emit(ValueToken.Kind.UNSUPPORTED, "a dictionary ({...})", 1);
            }
            case ')' -> {
                depth = Math.max(0, depth - 1);
                emit(ValueToken.Kind.RPAREN, ")", 1);
            }
            case ']' -> {
                depth = Math.max(0, depth - 1);
                emit(ValueToken.Kind.RBRACKET, "]", 1);
            }
            case '}' -> {
                depth = Math.max(0, depth - 1);
                emit(ValueToken.Kind.UNSUPPORTED, "a dictionary ({...})", 1);
            }
            case ',' -> emit(ValueToken.Kind.COMMA, ",", 1);
            case '+' -> {
                if (peek(1) == '=') {
                    emit(ValueToken.Kind.UNSUPPORTED, "the assignment operator '+='", 2);
                } else {
                    emit(ValueToken.Kind.PLUS, "+", 1);
                }
            }
            case '/' -> emit(ValueToken.Kind.SLASH, "/", 1);
            case '-' -> emit(ValueToken.Kind.UNSUPPORTED,
                    "the operator '-' (there are no negative numbers or subtraction)", 1);
            case '*', '%' -> emit(ValueToken.Kind.UNSUPPORTED, "the operator '" + c + "'", 1);
            case '.' -> emit(ValueToken.Kind.UNSUPPORTED, "a method call or attribute ('.')", 1);
            case '?' -> emit(ValueToken.Kind.UNSUPPORTED, "the conditional operator '? :'", 1);
            case ':' -> emit(ValueToken.Kind.UNSUPPORTED,
                    "':' (as in a dictionary or the conditional operator '? :')", 1);
            case '=', '!', '<', '>' -> comparisonOrAssignment(c);
            case '"' -> throw doubleQuoted();
            case ';' -> throw errors.at(piece, "has ';' after the value; ';' starts a comment only at the beginning"
                    + " of a line, after a value use '#' (Meson: \"lexer: unrecognized token ';'\")");
            case '\\' -> throw errors.at(piece, "has a backslash outside a string; values cannot be continued with"
                    + " \\ (indent the next line instead, inside [...] or (...))");
            default -> throw errors.at(piece, "has the unexpected character " + describeChar(c)
                    + "; expected a string in single quotes, a number, true/false, an array, a name, (, +, /");
        }
    }

    private void comparisonOrAssignment(char c) throws CrossFileException {
        boolean wide = peek(1) == '=';
        String op = wide ? c + "=" : String.valueOf(c);
        if (op.equals("=")) {
            emit(ValueToken.Kind.UNSUPPORTED, "a second '=' (assignment)", 1);
        } else if (op.equals("!")) {
            throw errors.at(piece, "has the unexpected character '!'; machine files have no operators besides"
                    + " + and /");
        } else {
            emit(ValueToken.Kind.UNSUPPORTED, "the comparison operator '" + op + "'", op.length());
        }
    }

    private CrossFileException doubleQuoted() {
        int close = text.indexOf('"', pos + 1);
        int lineEnd = text.indexOf('\n', pos);
        if (close > 0 && (lineEnd < 0 || close < lineEnd)) {
            String content = text.substring(pos + 1, close);
            if (content.indexOf('\'') < 0) {
                return errors.at(piece, "is a double-quoted string; machine files only accept single quotes: '"
                        + MachineFileLimits.abbreviate(content) + "'");
            }
            return errors.at(piece, "is a double-quoted string; machine files only accept single quotes, and a"
                    + " single-quoted string cannot contain ' (found \"" + MachineFileLimits.abbreviate(content)
                    + "\")");
        }
        return errors.at(piece, "has a double quote (\"); machine files only accept strings in single quotes");
    }

    private void add(ValueToken.Kind kind, String tokenText, Value literal) throws CrossFileException {
        if (tokens.size() == MachineFileLimits.TOKENS && kind != ValueToken.Kind.END) {
            throw errors.at(piece, "has more than " + MachineFileLimits.count(MachineFileLimits.TOKENS) + " tokens"
                    + " (strings, names, numbers, operators, brackets), over the limit for one value; real values"
                    + " have a few dozen: is the file damaged, or generated wrongly?");
        }
        tokens.add(new ValueToken(kind, tokenText, literal, piece));
    }

    /** Adds a token and moves past the {@code width} characters it was written with. */
    private void emit(ValueToken.Kind kind, String tokenText, int width) throws CrossFileException {
        add(kind, tokenText, null);
        pos += width;
    }

    private char peek(int offset) {
        int at = pos + offset;
        return at < text.length() ? text.charAt(at) : '\0';
    }

    /** Characters that may directly follow a complete string token in a valid value. */
    private static boolean endsToken(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == ',' || c == ']' || c == ')' || c == '+' || c == '/'
                || c == '#';
    }

    private static String describeChar(char c) {
        if (c < 0x20 || c > 0x7e) {
            return String.format("U+%04X", (int) c) + (Character.isWhitespace(c) || Character.isSpaceChar(c)
                    ? " (a white-space character other than space or tab)" : "");
        }
        return "'" + c + "'";
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isNameStart(char c) {
        return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || isDigit(c);
    }
}
