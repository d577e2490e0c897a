package dev.crossbuild.crossfile;

import java.util.List;

/** The parsed form of a value: the few node kinds Meson's machine-file evaluator knows. */
sealed interface ValueExpression {

    /** Index of the value line the node starts on, for error lines. */
    int piece();

    record Literal(Value value, int piece) implements ValueExpression {
    }

    /** A constant, an earlier key of the same section, or a builtin ({@code True}, {@code False}, {@code ~}). */
    record Name(String name, int piece) implements ValueExpression {
    }

    record ArrayLiteral(List<ValueExpression> elements, int piece) implements ValueExpression {
        public ArrayLiteral {
            elements = List.copyOf(elements);
        }
    }

    /** {@code +} or {@code /}; {@code piece} is the operator's line. */
    record Binary(char operator, ValueExpression left, ValueExpression right, int piece) implements ValueExpression {
    }
}
