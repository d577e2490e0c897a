package dev.crossbuild.exec;

import java.util.ArrayList;
import java.util.List;

/**
 * POSIX shell words, both ways, without ever running a shell: {@link #split} reads pkg-config output into arguments,
 * {@link #quote} and {@link #join} write arguments as text a shell reads back unchanged (the commands verbose mode
 * logs, launcher scripts).
 */
public final class ShellWords {

    /** Characters that mean nothing to a shell anywhere in a word (Python's {@code shlex.quote} set). */
    private static final String SAFE = "@%+=:,./-_";

    private ShellWords() {
    }

    /**
     * Splits {@code text} the way {@code sh} would: whitespace separates words, a backslash takes the next character
     * literally ({@code -I/opt/my\ dir}), single quotes keep everything up to the next one, double quotes keep
     * everything but let a backslash escape {@code "}, {@code \}, {@code $} and {@code `}. Nothing is expanded.
     */
    public static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(i + 1);
                if (next != '\n') {
                    word.append(next);
                    inWord = true;
                }
                i += 2;
            } else if (c == '\'') {
                int end = text.indexOf('\'', i + 1);
                end = end < 0 ? text.length() : end;
                word.append(text, i + 1, end);
                inWord = true;
                i = end + 1;
            } else if (c == '"') {
                i++;
                while (i < text.length() && text.charAt(i) != '"') {
                    char q = text.charAt(i);
                    if (q == '\\' && i + 1 < text.length() && "\"\\$`".indexOf(text.charAt(i + 1)) >= 0) {
                        word.append(text.charAt(i + 1));
                        i += 2;
                    } else {
                        word.append(q);
                        i++;
                    }
                }
                inWord = true;
                i++;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
            } else {
                word.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return List.copyOf(words);
    }

    /** {@code word} as it is when nothing in it is special to a shell, else single-quoted; {@code ''} when empty. */
    public static String quote(String word) {
        if (word.isEmpty()) {
            return "''";
        }
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            boolean plain = c < 128 && (Character.isLetterOrDigit(c) || SAFE.indexOf(c) >= 0);
            if (!plain) {
                return singleQuote(word);
            }
        }
        return word;
    }

    /** {@code 'word'}: inside single quotes only the quote itself is special, and it is written {@code '\''}. */
    public static String singleQuote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /**
     * The words as one command line, each quoted where needed. A program name holding {@code =} is quoted too: bare,
     * a shell would take it for a variable assignment.
     */
    public static String join(List<String> words) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (i > 0) {
                line.append(' ');
            }
            line.append(i == 0 && word.indexOf('=') >= 0 ? singleQuote(word) : quote(word));
        }
        return line.toString();
    }
}
