package dev.crossbuild.crossfile;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** "Did you mean" for misspelt names: same name in other case or separators, else one or two edits away. */
final class Suggestions {

    private Suggestions() {
    }

    /** The candidate closest to {@code word}, when one is close enough to be a likely typo. */
    static Optional<String> closest(String word, Collection<String> candidates) {
        String normalised = normalise(word);
        for (String candidate : candidates) {
            if (normalise(candidate).equals(normalised)) {
                return Optional.of(candidate);
            }
        }
        // Short names allow one edit, longer ones two: "cpu" vs "cmake" must not match, "binaires" must.
        int allowed = word.length() <= 4 ? 1 : 2;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            String other = normalise(candidate);
            if (Math.abs(other.length() - normalised.length()) > allowed) {
                continue; // the distance is at least the length difference; skipping keeps a huge name cheap
            }
            int distance = distance(normalised, other);
            if (distance <= allowed && distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    /** Like {@link #closest}, but first looks {@code word} up in a table of well-known other spellings. */
    static Optional<String> closest(String word, Collection<String> candidates, Map<String, String> aliases) {
        String alias = aliases.get(word.toLowerCase(Locale.ROOT));
        return alias != null ? Optional.of(alias) : closest(word, candidates);
    }

    /** {@code ; did you mean X?} or nothing, ready to append to a message. */
    static String didYouMean(Optional<String> suggestion, String before, String after) {
        return suggestion.map(s -> "; did you mean " + before + s + after + "?").orElse("");
    }

    private static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
