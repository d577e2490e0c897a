package dev.crossbuild.crossfile;

/** Values as they would be written in a machine file, for messages: {@code 'text'}, {@code ['a', 'b']}, {@code true}. */
final class ValueText {

    private ValueText() {
    }

    static String literal(Value value) {
        return value instanceof Value.Str s ? "'" + s.value() + "'" : value.mesonRepr();
    }

    /** {@code string 'false'}, {@code boolean true}: what was found, for "expected X, found Y" messages. */
    static String described(Value value) {
        return value.typeName() + " " + literal(value);
    }
}
