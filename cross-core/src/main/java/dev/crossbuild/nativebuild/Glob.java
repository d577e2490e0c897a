package dev.crossbuild.nativebuild;

import java.util.regex.Pattern;

/**
 * Ant/Maven style globs on {@code /}-separated relative paths: {@code *} and {@code ?} stay inside one folder,
 * {@code **} crosses folders ({@code **}{@code /*.c} matches {@code a.c} and {@code x/y/a.c}), {@code {a,b}} is
 * either, and a pattern ending in {@code /} means everything below that folder.
 */
final class Glob {

    private final String pattern;
    private final Pattern regex;

    private Glob(String pattern, Pattern regex) {
        this.pattern = pattern;
        this.regex = regex;
    }

    static Glob of(String pattern) {
        String glob = pattern.replace('\\', '/');
        while (glob.startsWith("./")) {
            glob = glob.substring(2);
        }
        if (glob.endsWith("/")) {
            glob = glob + "**";
        }
        return new Glob(pattern, Pattern.compile(toRegex(glob)));
    }

    boolean matches(String relativePath) {
        return regex.matcher(relativePath).matches();
    }

    @Override
    public String toString() {
        return pattern;
    }

    private static String toRegex(String glob) {
        StringBuilder out = new StringBuilder();
        int braces = 0;
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' && i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
                boolean folder = i + 2 < glob.length() && glob.charAt(i + 2) == '/';
                out.append(folder ? "(?:[^/]*/)*" : ".*");
                i += folder ? 2 : 1;
            } else if (c == '*') {
                out.append("[^/]*");
            } else if (c == '?') {
                out.append("[^/]");
            } else if (c == '{') {
                braces++;
                out.append("(?:");
            } else if (c == '}' && braces > 0) {
                braces--;
                out.append(')');
            } else if (c == ',' && braces > 0) {
                out.append('|');
            } else {
                out.append(Pattern.quote(String.valueOf(c)));
            }
        }
        if (braces > 0) {
            throw new IllegalArgumentException("unclosed '{' in glob '" + glob + "'");
        }
        return out.toString();
    }
}
