package dev.crossbuild.crossfile;

/** Values as they would be written in a machine file, for messages: {@code 'text'}, {@code ['a', 'b']}, {@code true}. */
final class ValueText {

    private ValueText() {
    }

    /** A character that cannot be shown as itself: {@code U+0000 (NUL)}, {@code U+00A0}. */
    static String character(char c) {
        String code = String.format("U+%04X", (int) c);
        String name = switch (c) {
            case 0 -> "NUL";
            case 7 -> "BEL";
            case 8 -> "backspace";
            case 0x0b -> "vertical tab";
            case 0x0c -> "form feed";
            case 0x1b -> "ESC";
            case 0x7f -> "DEL";
            default -> null;
        };
        return name == null ? code : code + " (" + name + ")";
    }

    static String literal(Value value) {
        String text = value instanceof Value.Str s ? "'" + s.value() + "'" : value.mesonRepr();
        return MachineFileLimits.abbreviate(text);
    }

    /** {@code string 'false'}, {@code boolean true}: what was found, for "expected X, found Y" messages. */
    static String described(Value value) {
        return value.typeName() + " " + literal(value);
    }
}
