package dev.crossbuild.crossfile;

/**
 * One token of a machine-file value. {@code piece} is the index of the value line it starts on (0 = the key's
 * line), so errors can name the exact file line. {@link Kind#UNSUPPORTED} tokens are Meson syntax that machine
 * files do not allow; {@code text} then describes the construct for the error message.
 */
record ValueToken(Kind kind, String text, Value literal, int piece) {

    enum Kind { STRING, NUMBER, BOOLEAN, NAME, LPAREN, RPAREN, LBRACKET, RBRACKET, COMMA, PLUS, SLASH, NEWLINE,
        UNSUPPORTED, END }

    /** How the token reads in "found ..." parts of messages. */
    String describe() {
        return switch (kind) {
            case STRING -> "the string '" + MachineFileLimits.abbreviate(((Value.Str) literal).value()) + "'";
            case NUMBER -> "the number " + text;
            case BOOLEAN, UNSUPPORTED -> text;
            case NAME -> "the name " + MachineFileLimits.abbreviate(text);
            case NEWLINE -> "a line break";
            case END -> "the end of the value";
            default -> "'" + text + "'";
        };
    }
}
