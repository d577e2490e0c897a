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

    /**
     * What {@code +} and {@code /} may still make while the files of one role are evaluated
     * ({@link MachineFileLimits#PRODUCED_CHARS}); one budget serves every value of one {@link MachineFile#parse}.
     */
    static final class Budget {
        private long produced;

        void charge(long chars, ValueErrors errors, int piece) throws CrossFileException {
            produced += chars;
            if (produced > MachineFileLimits.PRODUCED_CHARS) {
                throw errors.at(piece, "brings the text made by + and / in these machine files to more than "
                        + MachineFileLimits.count(MachineFileLimits.PRODUCED_CHARS) + " characters, over the limit for"
                        + " the files of one role; real files make a few thousand (do constants build on each other"
                        + " in a loop of doubling?)");
            }
        }
    }

    private final Map<String, Value> scope;
    private final Function<String, String> undefinedHint;
    private final ValueErrors errors;
    private final Budget budget;

    private ValueEvaluator(Map<String, Value> scope, Function<String, String> undefinedHint, ValueErrors errors,
                           Budget budget) {
        this.scope = scope;
        this.undefinedHint = undefinedHint;
        this.errors = errors;
        this.budget = budget;
    }

    /**
     * @param undefinedHint what to tell the user about a name that is not in scope (the remedy part of the message)
     * @param budget        shared by every value of the files being read
     */
    static Value evaluate(ValueExpression expression, Map<String, Value> scope, Function<String, String> undefinedHint,
                          ValueErrors errors, Budget budget) throws CrossFileException {
        return new ValueEvaluator(scope, undefinedHint, errors, budget).eval(expression);
    }

    /** Recursion only into arrays and parentheses, which the parser holds to {@link MachineFileLimits#NESTING}. */
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
        return chain((ValueExpression.Chain) expression);
    }

    private Value chain(ValueExpression.Chain chain) throws CrossFileException {
        Running running = new Running(eval(chain.operands().get(0)));
        for (int i = 1; i < chain.operands().size(); i++) {
            Value right = eval(chain.operands().get(i));
            int piece = chain.operatorPieces().get(i - 1);
            if (chain.operator() == '+') {
                running.add(right, piece);
            } else {
                running.join(right, piece);
            }
        }
        Value result = running.value();
        budget.charge(result instanceof Value.Str s ? s.value().length() : size((Value.Array) result), errors,
                chain.piece());
        return result;
    }

    /**
     * A chain's result so far, built in place, so that n terms cost their total length rather than n copies of a
     * growing result. Each step checks the size before it grows: values that double on every line fail at the
     * first one over the limit, in microseconds, not after gigabytes.
     */
    private final class Running {
        private final Value first;
        private final StringBuilder text; // when the result is a string
        private final List<Value> elements; // when it is an array
        private long arraySize;

        Running(Value first) {
            this.first = first;
            this.text = first instanceof Value.Str s ? new StringBuilder(s.value()) : null;
            this.elements = first instanceof Value.Array a ? new ArrayList<>(a.elements()) : null;
            this.arraySize = first instanceof Value.Array a ? size(a) : 0;
        }

        void add(Value right, int piece) throws CrossFileException {
            if (text != null && right instanceof Value.Str r) {
                checkSize((long) text.length() + r.value().length(), "'+'", piece);
                text.append(r.value());
            } else if (elements != null && right instanceof Value.Array r) {
                long rightSize = size(r);
                checkSize(arraySize + rightSize, "'+'", piece);
                elements.addAll(r.elements());
                arraySize += rightSize;
            } else {
                throw cannotAdd(value(), right, piece);
            }
        }

        /** Python's posixpath.join of two parts: an absolute right side replaces the left, no doubled separator. */
        void join(Value right, int piece) throws CrossFileException {
            if (text == null || !(right instanceof Value.Str r)) {
                throw cannotJoin(value(), right, piece);
            }
            String part = r.value();
            if (part.startsWith("/")) {
                checkSize(part.length(), "'/'", piece);
                text.setLength(0);
            } else {
                boolean separator = text.length() > 0 && text.charAt(text.length() - 1) != '/';
                checkSize((long) text.length() + (separator ? 1 : 0) + part.length(), "'/'", piece);
                if (separator) {
                    text.append('/');
                }
            }
            text.append(part);
        }

        Value value() {
            if (text != null) {
                return new Value.Str(text.toString());
            }
            return elements != null ? new Value.Array(elements) : first;
        }
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
        Value.Array result = new Value.Array(elements);
        long size = size(result);
        if (size > MachineFileLimits.VALUE_CHARS) {
            throw errors.at(array.piece(), "has an array of " + MachineFileLimits.count(size) + " characters (its"
                    + " strings plus one per element), over the limit of "
                    + MachineFileLimits.count(MachineFileLimits.VALUE_CHARS) + " for one value");
        }
        return result;
    }

    private CrossFileException cannotAdd(Value left, Value right, int piece) {
        String hint = "";
        if (left instanceof Value.Str && right instanceof Value.Array) {
            hint = "; to put a string in front of an array write ['"
                    + MachineFileLimits.abbreviate(((Value.Str) left).value()) + "'] + [...]";
        } else if (left instanceof Value.Array && right instanceof Value.Str) {
            hint = "; to append a string to an array write [...] + ['"
                    + MachineFileLimits.abbreviate(((Value.Str) right).value()) + "']";
        } else if (left instanceof Value.Int || right instanceof Value.Int) {
            hint = "; there is no arithmetic in machine files";
        }
        return errors.at(piece, "adds " + describe(left) + " and " + describe(right) + ", but '+' joins two strings"
                + " or two arrays" + hint + " (Meson: \"Unsupported node type\")");
    }

    private CrossFileException cannotJoin(Value left, Value right, int piece) {
        return errors.at(piece, "divides " + describe(left) + " by " + describe(right) + ", but '/' joins two"
                + " strings as a path ('/usr' / 'lib' is /usr/lib) (Meson: \"Unsupported node type\")");
    }

    private void checkSize(long size, String operator, int piece) throws CrossFileException {
        if (size > MachineFileLimits.VALUE_CHARS) {
            throw errors.at(piece, "would be " + MachineFileLimits.count(size) + " characters long after this "
                    + operator + ", over the limit of " + MachineFileLimits.count(MachineFileLimits.VALUE_CHARS)
                    + " for one value (Linux cannot pass a longer string as one command-line argument); do"
                    + " constants build on each other in a loop of doubling?");
        }
    }

    /** An array's size for the limits: its strings' lengths plus one per element. */
    private static long size(Value.Array array) {
        long size = 0;
        for (Value element : array.elements()) {
            size += 1 + (element instanceof Value.Str s ? s.value().length() : 0);
        }
        return size;
    }

    private static String describe(Value value) {
        if (value instanceof Value.Str s) {
            return "the string '" + MachineFileLimits.abbreviate(s.value()) + "'";
        }
        if (value instanceof Value.Array) {
            return "the array " + MachineFileLimits.abbreviate(value.mesonRepr());
        }
        return "the " + value.typeName() + " " + value.mesonRepr();
    }
}
