package dev.crossbuild.crossfile;

import java.util.Locale;

/**
 * The sizes a machine file may reach, so that no input can overflow the stack, exhaust memory or take seconds:
 * each limit is checked before the work it bounds, and a breach is a {@link CrossFileException} naming the limit.
 * All are far above real files: Meson's own cross files and our presets are at most 3 KB, with values of at most
 * 153 characters, 20 tokens and 2 levels of brackets (documented in the cross-file reference, "Limits").
 */
final class MachineFileLimits {

    /** Bytes of one machine file, also after {@code @DIRNAME@} and {@code @GLOBAL_SOURCE_ROOT@} are replaced. */
    static final int FILE_BYTES = 1 << 20;

    /** Tokens of one value (strings, names, numbers, operators, brackets): bounds the parser's work. */
    static final int TOKENS = 10_000;

    /**
     * Levels of {@code [...]} and {@code (...)} inside one value: bounds the parser's and evaluator's recursion. Meson
     * 1.0.1 itself dies with a RecursionError at about 85 levels of parentheses; 32 keeps every file we accept
     * readable by Meson.
     */
    static final int NESTING = 32;

    /**
     * Characters of one evaluated value (a string's length; an array's strings plus one per element). Linux cannot
     * pass a longer string as one command-line argument (MAX_ARG_STRLEN), so no real tool name or flag is longer.
     */
    static final int VALUE_CHARS = 1 << 17;

    /**
     * Characters made by {@code +} and {@code /} while evaluating the files of one role: bounds memory and time
     * when values reuse each other (constants that double on every line).
     */
    static final int PRODUCED_CHARS = 1 << 24;

    private MachineFileLimits() {
    }

    /** {@code 131,072}: limits and sizes in messages, with separators so the magnitude reads at a glance. */
    static String count(long number) {
        return String.format(Locale.ROOT, "%,d", number);
    }

    /** Characters of a message or warning; longer ones lose their middle (see {@link #shorten}). */
    static final int MESSAGE_CHARS = 1_000;

    /** The first 160 characters of a text over 200, for messages that quote a line, a name or a value. */
    static String abbreviate(String text) {
        return text.length() <= 200 ? text : text.substring(0, 160) + "... (" + count(text.length()) + " characters)";
    }

    /**
     * The safety net under {@link #abbreviate}: a message that would still quote a huge piece of a file keeps its
     * beginning (what is wrong) and its end (the remedy), so no terminal or build log gets megabytes.
     */
    static String shorten(String message) {
        if (message.length() <= MESSAGE_CHARS) {
            return message;
        }
        int head = 600;
        int tail = 300;
        return message.substring(0, head) + " [... " + count(message.length() - head - tail)
                + " characters left out ...] " + message.substring(message.length() - tail);
    }
}
