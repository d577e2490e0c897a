package dev.crossbuild.crossfile;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Parses one value with the grammar Meson accepts in machine files:
 * <pre>
 * value    := additive END
 * additive := divide ('+' divide)*
 * divide   := primary ('/' primary)*
 * primary  := STRING | NUMBER | true | false | NAME | '~' | '[' [additive (',' additive)* [',']] ']' | '(' additive ')'
 * </pre>
 * Everything else in the Meson language is rejected with a message that names the construct.
 */
final class ValueParser {

    private static final Pattern KEY_LINE = Pattern.compile("^[^\\s=\\[\\]'\"]+\\s*=.*");
    private static final String ALLOWED = "a value may use only strings in single quotes, true/false, integers,"
            + " arrays, names of constants, parentheses, + and /";

    private static final String MESON_UNSUPPORTED = " (Meson: \"Unsupported node type\")";

    private final RawValue raw;
    private final ValueErrors errors;
    private final List<ValueToken> tokens;
    private int at;
    private int depth;

    private ValueParser(RawValue raw, ValueErrors errors, List<ValueToken> tokens) {
        this.raw = raw;
        this.errors = errors;
        this.tokens = tokens;
    }

    static ValueExpression parse(RawValue raw, ValueErrors errors) throws CrossFileException {
        return new ValueParser(raw, errors, ValueLexer.tokenize(raw, errors)).value();
    }

    private ValueExpression value() throws CrossFileException {
        // Meson accepts "key =" with the whole value on the next, indented line
        while (peek().kind() == ValueToken.Kind.NEWLINE) {
            at++;
        }
        if (peek().kind() == ValueToken.Kind.END) {
            String first = raw.pieces().get(0);
            throw errors.at(0, "is empty" + (first.startsWith("#") ? " (only a comment follows '=')" : "")
                    + "; write a value such as 'text', true, 42 or [] (or remove the line)");
        }
        ValueExpression expression = additive();
        ValueToken next = next();
        return switch (next.kind()) {
            case END -> expression;
            case NEWLINE -> throw continuation();
            case UNSUPPORTED -> throw unsupported(next);
            case LBRACKET -> throw errors.at(next.piece(), "indexes a value with [...], which machine files do not"
                    + " support; " + ALLOWED + MESON_UNSUPPORTED);
            case LPAREN -> throw errors.at(next.piece(), "calls a value like a function, which machine files do not"
                    + " support; " + ALLOWED + MESON_UNSUPPORTED);
            case RPAREN, RBRACKET -> throw errors.at(next.piece(), "has an unmatched '" + next.text() + "'");
            case COMMA -> throw errors.at(next.piece(), "has a ',' outside an array; a list is written as an array:"
                    + " ['a', 'b']");
            default -> throw errors.at(next.piece(), "has more than one value: found " + next.describe()
                    + " after a complete value; a value is exactly one expression (join strings with +,"
                    + " e.g. 'a' + 'b'; Meson: \"Expecting eof\")");
        };
    }

    private ValueExpression additive() throws CrossFileException {
        ValueExpression first = divide();
        if (peek().kind() != ValueToken.Kind.PLUS) {
            return first;
        }
        List<ValueExpression> operands = new ArrayList<>(List.of(first));
        List<Integer> operators = new ArrayList<>();
        while (peek().kind() == ValueToken.Kind.PLUS) {
            operators.add(next().piece());
            operands.add(divide());
        }
        return new ValueExpression.Chain('+', operands, operators);
    }

    private ValueExpression divide() throws CrossFileException {
        ValueExpression first = primary();
        if (peek().kind() != ValueToken.Kind.SLASH) {
            return first;
        }
        List<ValueExpression> operands = new ArrayList<>(List.of(first));
        List<Integer> operators = new ArrayList<>();
        while (peek().kind() == ValueToken.Kind.SLASH) {
            operators.add(next().piece());
            operands.add(primary());
        }
        return new ValueExpression.Chain('/', operands, operators);
    }

    private ValueExpression primary() throws CrossFileException {
        ValueToken token = next();
        return switch (token.kind()) {
            case STRING, NUMBER, BOOLEAN -> new ValueExpression.Literal(token.literal(), token.piece());
            case NAME -> {
                if (peek().kind() == ValueToken.Kind.LPAREN) {
                    throw errors.at(token.piece(), "calls the function " + token.text() + "(...), which machine"
                            + " files do not support; " + ALLOWED + MESON_UNSUPPORTED);
                }
                yield new ValueExpression.Name(token.text(), token.piece());
            }
            case LBRACKET, LPAREN -> nested(token);
            default -> throw expected("a value", token);
        };
    }

    /** The only recursion of the parser (and of the evaluator): held to {@link MachineFileLimits#NESTING} levels. */
    private ValueExpression nested(ValueToken open) throws CrossFileException {
        if (++depth > MachineFileLimits.NESTING) {
            throw errors.at(open.piece(), "nests [...] and (...) more than " + MachineFileLimits.NESTING + " levels"
                    + " deep, over the limit for one value; machine-file values need one or two levels");
        }
        ValueExpression result = open.kind() == ValueToken.Kind.LBRACKET ? array(open) : parenthesised(open);
        depth--;
        return result;
    }

    private ValueExpression parenthesised(ValueToken open) throws CrossFileException {
        ValueExpression inner = additive();
        ValueToken close = next();
        if (close.kind() != ValueToken.Kind.RPAREN) {
            throw expected("')' to close the '(' on line " + errors.line(open.piece()), close);
        }
        return inner;
    }

    private ValueExpression array(ValueToken open) throws CrossFileException {
        List<ValueExpression> elements = new ArrayList<>();
        while (true) {
            if (peek().kind() == ValueToken.Kind.RBRACKET) {
                next();
                break;
            }
            if (peek().kind() == ValueToken.Kind.END) {
                throw errors.at(open.piece(), "has an array that is never closed: the '[' has no matching ']'");
            }
            elements.add(additive());
            ValueToken separator = next();
            if (separator.kind() == ValueToken.Kind.RBRACKET) {
                break;
            }
            if (separator.kind() == ValueToken.Kind.END) {
                throw errors.at(open.piece(), "has an array that is never closed: the '[' has no matching ']'");
            }
            if (separator.kind() != ValueToken.Kind.COMMA) {
                throw expected("',' or ']' after an array element", separator);
            }
        }
        return new ValueExpression.ArrayLiteral(elements, open.piece());
    }

    private CrossFileException expected(String what, ValueToken found) {
        return switch (found.kind()) {
            case UNSUPPORTED -> unsupported(found);
            case NEWLINE -> continuation();
            case END -> errors.at(raw.pieces().size() - 1, "ends too early: expected " + what);
            default -> errors.at(found.piece(), "is malformed: expected " + what + ", found " + found.describe());
        };
    }

    private CrossFileException unsupported(ValueToken token) {
        return errors.at(token.piece(), "uses " + token.text() + ", which machine files do not support; " + ALLOWED
                + MESON_UNSUPPORTED);
    }

    /** A line break outside brackets: the previous token was a NEWLINE; the error names the continued line. */
    private CrossFileException continuation() {
        while (peek().kind() == ValueToken.Kind.NEWLINE) {
            at++;
        }
        int piece = peek().kind() == ValueToken.Kind.END ? raw.pieces().size() - 1 : peek().piece();
        String line = raw.pieces().get(piece);
        if (KEY_LINE.matcher(line).matches()) {
            return errors.at(piece, "continues on line " + errors.line(piece) + " (\""
                    + MachineFileLimits.abbreviate(line) + "\"), because that"
                    + " line is indented deeper than the line of '" + raw.key() + "'; INI rules make it part of"
                    + " the value (Meson would silently drop it): remove its indentation to make it a key of its"
                    + " own");
        }
        return errors.at(piece, "continues on line " + errors.line(piece) + " (\"" + MachineFileLimits.abbreviate(line)
                + "\") outside brackets;"
                + " only an array [...] or parentheses (...) may span lines: wrap the expression in (...) or put"
                + " it on one line");
    }

    private ValueToken peek() {
        return tokens.get(at);
    }

    private ValueToken next() {
        ValueToken token = tokens.get(at);
        if (token.kind() != ValueToken.Kind.END) {
            at++;
        }
        return token;
    }
}
