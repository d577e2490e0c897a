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

    /**
     * Two or more operands joined left to right by {@code +} or {@code /}, as one node rather than a left-deep tree,
     * so that a chain of thousands of terms needs no deep recursion. {@code operatorPieces.get(i)} is the line of the
     * operator before operand {@code i + 1}; the node's own piece is the first operator's.
     */
    record Chain(char operator, List<ValueExpression> operands, List<Integer> operatorPieces)
            implements ValueExpression {
        public Chain {
            operands = List.copyOf(operands);
            operatorPieces = List.copyOf(operatorPieces);
            if (operands.size() < 2 || operatorPieces.size() != operands.size() - 1) {
                throw new IllegalArgumentException("a chain has n >= 2 operands and n - 1 operators");
            }
        }

        @Override
        public int piece() {
            return operatorPieces.get(0);
        }
    }
}
