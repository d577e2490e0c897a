package dev.crossbuild.crossfile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Evaluates a parsed value as Meson's machine-file evaluator does: {@code +} joins two strings or two arrays,
 * {@code /} joins two strings as a path ({@code os.path.join}), names come from the scope. Stricter than Meson
 * 1.0.1 in one point, like Meson 1.8+: array elements must be strings (1.8+ stops with an internal error).
 */
final class ValueEvaluator {

    private final Map<String, Value> scope;
    private final Function<String, String> undefinedHint;
    private final ValueErrors errors;

    private ValueEvaluator(Map<String, Value> scope, Function<String, String> undefinedHint, ValueErrors errors) {
        this.scope = scope;
        this.undefinedHint = undefinedHint;
        this.errors = errors;
    }

    /**
     * @param undefinedHint what to tell the user about a name that is not in scope (the remedy part of the message)
     */
    static Value evaluate(ValueExpression expression, Map<String, Value> scope, Function<String, String> undefinedHint,
                          ValueErrors errors) throws CrossFileException {
        return new ValueEvaluator(scope, undefinedHint, errors).eval(expression);
    }

    private Value eval(ValueExpression expression) throws CrossFileException {
        if (expression instanceof ValueExpression.Literal literal) {
            return literal.value();
        }
        if (expression instanceof ValueExpression.Name name) {
            Value value = scope.get(name.name());
            if (value == null) {
                throw errors.plain(name.piece(), "Undefined constant '" + name.name() + "' in machine file variable '"
                        + errors.key() + "': " + undefinedHint.apply(name.name()));
            }
            return value;
        }
        if (expression instanceof ValueExpression.ArrayLiteral array) {
            return array(array);
        }
        ValueExpression.Binary binary = (ValueExpression.Binary) expression;
        Value left = eval(binary.left());
        Value right = eval(binary.right());
        return binary.operator() == '+' ? add(left, right, binary.piece()) : join(left, right, binary.piece());
    }

    private Value array(ValueExpression.ArrayLiteral array) throws CrossFileException {
        List<Value> elements = new ArrayList<>();
        for (int i = 0; i < array.elements().size(); i++) {
            ValueExpression element = array.elements().get(i);
            Value value = eval(element);
            if (!(value instanceof Value.Str)) {
                String quoted = value instanceof Value.Array ? "flatten it (arrays can be joined with +)"
                        : "quote it: '" + value.mesonRepr() + "'";
                throw errors.at(element.piece(), "has an array whose element " + (i + 1) + " is " + describe(value)
                        + ", but array elements must be strings (Meson 1.8 and later stop with an internal error"
                        + " on anything else); " + quoted);
            }
            elements.add(value);
        }
        return new Value.Array(elements);
    }

    private Value add(Value left, Value right, int piece) throws CrossFileException {
        if (left instanceof Value.Str l && right instanceof Value.Str r) {
            return new Value.Str(l.value() + r.value());
        }
        if (left instanceof Value.Array l && right instanceof Value.Array r) {
            List<Value> joined = new ArrayList<>(l.elements());
            joined.addAll(r.elements());
            return new Value.Array(joined);
        }
        String hint = "";
        if (left instanceof Value.Str && right instanceof Value.Array) {
            hint = "; to put a string in front of an array write ['" + ((Value.Str) left).value() + "'] + [...]";
        } else if (left instanceof Value.Array && right instanceof Value.Str) {
            hint = "; to append a string to an array write [...] + ['" + ((Value.Str) right).value() + "']";
        } else if (left instanceof Value.Int || right instanceof Value.Int) {
            hint = "; there is no arithmetic in machine files";
        }
        throw errors.at(piece, "adds " + describe(left) + " and " + describe(right) + ", but '+' joins two strings"
                + " or two arrays" + hint + " (Meson: \"Unsupported node type\")");
    }

    private Value join(Value left, Value right, int piece) throws CrossFileException {
        if (left instanceof Value.Str l && right instanceof Value.Str r) {
            return new Value.Str(joinPath(l.value(), r.value()));
        }
        throw errors.at(piece, "divides " + describe(left) + " by " + describe(right) + ", but '/' joins two"
                + " strings as a path ('/usr' / 'lib' is /usr/lib) (Meson: \"Unsupported node type\")");
    }

    /** Python's posixpath.join of two parts: an absolute right side replaces the left, no doubled separator. */
    static String joinPath(String left, String right) {
        if (right.startsWith("/")) {
            return right;
        }
        if (left.isEmpty() || left.endsWith("/")) {
            return left + right;
        }
        return left + "/" + right;
    }

    private static String describe(Value value) {
        if (value instanceof Value.Str s) {
            return "the string '" + s.value() + "'";
        }
        if (value instanceof Value.Array) {
            return "the array " + value.mesonRepr();
        }
        return "the " + value.typeName() + " " + value.mesonRepr();
    }
}
