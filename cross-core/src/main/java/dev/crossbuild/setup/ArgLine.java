package dev.crossbuild.setup;

import java.util.Optional;

/**
 * Appends to Surefire's {@code argLine}. Surefire splits it like a command line: words separated by white space,
 * a word may be wrapped in double or single quotes (no escapes inside). What is already there (the user's own
 * options, JaCoCo's {@code -javaagent}) is kept in front, unchanged.
 */
public final class ArgLine {

    private ArgLine() {
    }

    /**
     * {@code existing + " " + quote(argument)}; just the argument when there is nothing yet; {@code existing}
     * unchanged when it already ends with that argument (setup run twice in one build).
     */
    public static String append(Optional<String> existing, String argument) {
        String word = quote(argument);
        String before = existing.map(String::strip).orElse("");
        if (before.isEmpty()) {
            return word;
        }
        if (before.equals(word) || before.endsWith(" " + word)) {
            return before;
        }
        return before + " " + word;
    }

    /** The argument as one argLine word: bare, or in the quote it does not contain. */
    public static String quote(String argument) {
        if (argument.indexOf('\n') >= 0 || argument.indexOf('\r') >= 0) {
            // Surefire turns line breaks in argLine into spaces, quoted or not.
            throw new IllegalArgumentException("Surefire's argLine cannot carry a line break: " + argument.replaceAll("[\r\n]", "?"));
        }
        boolean plain = !argument.isEmpty() && argument.chars().noneMatch(c -> Character.isWhitespace(c) || c == '"' || c == '\'');
        if (plain) {
            return argument;
        }
        if (argument.indexOf('"') < 0) {
            return '"' + argument + '"';
        }
        if (argument.indexOf('\'') < 0) {
            return "'" + argument + "'";
        }
        throw new IllegalArgumentException("Surefire's argLine cannot carry a word holding both quote characters: " + argument);
    }
}
