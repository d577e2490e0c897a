package dev.crossbuild.nativebuild;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A Make-syntax dependency file as gcc and clang write it with {@code -MD -MF}: one or more rules
 * {@code target...: prerequisite...}, lines continued with a backslash, spaces in names written {@code \ },
 * {@code #} as {@code \#}, {@code $} as {@code $$}. Backslashes before anything else are kept, so Windows paths
 * ({@code C:\x\y.h}) and drive letters ({@code C:/x/y.h}) survive: a colon separates targets from prerequisites only
 * when whitespace or the end of the line follows it.
 */
public record Depfile(List<String> targets, List<String> prerequisites) {

    public Depfile {
        targets = List.copyOf(targets);
        prerequisites = List.copyOf(prerequisites);
    }

    /** The targets and prerequisites of every rule in {@code text}, each listed once, in order of appearance. */
    public static Depfile parse(String text) {
        Set<String> targets = new LinkedHashSet<>();
        Set<String> prerequisites = new LinkedHashSet<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        boolean afterColon = false;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\\') {
                int run = 0;
                while (i + run < n && text.charAt(i + run) == '\\') {
                    run++;
                }
                int next = i + run;
                char following = next < n ? text.charAt(next) : '\0';
                if (following == ' ' || following == '#') {
                    // 2k backslashes then a space: k backslashes, end of name; 2k+1: k backslashes and the character.
                    word.append("\\".repeat(run / 2));
                    inWord = inWord || run > 1;
                    if (run % 2 == 1) {
                        word.append(following);
                        inWord = true;
                        i = next + 1;
                    } else {
                        i = next;
                    }
                } else if (next >= n || following == '\n'
                        || (following == '\r' && next + 1 < n && text.charAt(next + 1) == '\n')) {
                    // A continuation (or a file cut off after one): the line goes on.
                    word.append("\\".repeat(run - 1));
                    inWord = inWord || run > 1;
                    i = Math.min(n, next + (following == '\r' ? 2 : 1));
                    afterColon = flush(word, inWord, afterColon, targets, prerequisites);
                    inWord = false;
                } else {
                    word.append("\\".repeat(run));
                    inWord = true;
                    i = next;
                }
            } else if (c == '$' && i + 1 < n && text.charAt(i + 1) == '$') {
                word.append('$');
                inWord = true;
                i += 2;
            } else if (c == ':' && !afterColon && (i + 1 >= n || Character.isWhitespace(text.charAt(i + 1)))) {
                flush(word, inWord, false, targets, prerequisites);
                inWord = false;
                afterColon = true;
                i++;
            } else if (c == '\n') {
                flush(word, inWord, afterColon, targets, prerequisites);
                inWord = false;
                afterColon = false;
                i++;
            } else if (c == ' ' || c == '\t' || c == '\r') {
                flush(word, inWord, afterColon, targets, prerequisites);
                inWord = false;
                i++;
            } else {
                int end = plainEnd(text, i);
                word.append(text, i, end);
                inWord = true;
                i = end;
            }
        }
        flush(word, inWord, afterColon, targets, prerequisites);
        return new Depfile(new ArrayList<>(targets), new ArrayList<>(prerequisites));
    }

    /**
     * Where the plain run that starts with the character at {@code start} ends: at the next character a rule above
     * may read otherwise. Most of a depfile is plain path characters; taking them a run at a time keeps the loop
     * above small, which a cold JVM compiles in a few milliseconds rather than 150 (its per-character version was
     * the costliest method the JIT compiled in a warm clean build).
     */
    private static int plainEnd(String text, int start) {
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' || c == '$' || c == ':' || c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                return i;
            }
            i++;
        }
        return i;
    }

    private static boolean flush(StringBuilder word, boolean inWord, boolean afterColon, Set<String> targets,
                                 Set<String> prerequisites) {
        if (inWord) {
            (afterColon ? prerequisites : targets).add(word.toString());
        }
        word.setLength(0);
        return afterColon;
    }
}
