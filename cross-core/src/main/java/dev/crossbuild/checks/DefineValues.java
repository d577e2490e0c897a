package dev.crossbuild.checks;

/** Meson's post-processing of a {@code get_define} answer. */
final class DefineValues {

    private DefineValues() {
    }

    /**
     * Joins adjacent string literals separated only by whitespace, as Meson's {@code _concatenate_string_literals}
     * does: {@code "1." "2"} becomes {@code "1.2"}. Everything else is kept as written.
     */
    static String mergeStringLiterals(String value) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c != '"') {
                out.append(c);
                i++;
                continue;
            }
            int end = literalEnd(value, i);
            if (end < 0) { // unterminated: keep the rest as it is
                out.append(value, i, value.length());
                break;
            }
            out.append(value, i, end); // without the closing quote
            i = end + 1;
            while (true) {
                int next = i;
                while (next < value.length() && Character.isWhitespace(value.charAt(next))) {
                    next++;
                }
                int nextEnd = next < value.length() && value.charAt(next) == '"' ? literalEnd(value, next) : -1;
                if (nextEnd < 0) {
                    break;
                }
                out.append(value, next + 1, nextEnd);
                i = nextEnd + 1;
            }
            out.append('"');
        }
        return out.toString();
    }

    /** Index of the quote closing the literal that opens at {@code start}, or -1. */
    private static int literalEnd(String value, int start) {
        for (int i = start + 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return -1;
    }
}
