package dev.crossbuild.toolchain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads distcc's host list as {@code distcc --show-hosts} prints it (one host specification a line, from
 * {@code DISTCC_HOSTS}, else {@code $DISTCC_DIR/hosts} or {@code ~/.distcc/hosts}, else the system-wide hosts file):
 * how many compiles the remote hosts take at once. A host's {@code /N} is its limit; without one distcc sends a
 * remote host at most 4 jobs. {@code localhost} entries and the options ({@code --randomize}, {@code --localslots=N},
 * {@code --localslots_cpp=N}) are this machine's, which cross already counts as its processors; {@code +zeroconf}
 * hosts are found at run time, so they count nothing here.
 */
final class DistccHosts {

    /** distcc's default limit for a remote host without {@code /N} (distcc(1), HOST SPECIFICATIONS). */
    static final int DEFAULT_LIMIT = 4;

    private static final Pattern LIMIT = Pattern.compile("/(\\d+)");

    private DistccHosts() {
    }

    /** The remote host specifications among {@code specifications} (whitespace-separated, {@code #} comments). */
    static List<String> remote(String specifications) {
        List<String> remote = new ArrayList<>();
        for (String line : specifications.split("\n")) {
            int comment = line.indexOf('#');
            String text = comment >= 0 ? line.substring(0, comment) : line;
            for (String spec : text.strip().split("\\s+")) {
                if (!spec.isEmpty() && !spec.startsWith("--") && !spec.startsWith("+") && !isLocalhost(spec)) {
                    remote.add(spec);
                }
            }
        }
        return remote;
    }

    /** The compiles the remote hosts among {@code specifications} take at once: the sum of their limits. */
    static int remoteSlots(String specifications) {
        int slots = 0;
        for (String spec : remote(specifications)) {
            slots += limit(spec);
        }
        return slots;
    }

    /** A host's {@code /N}, else distcc's default. */
    static int limit(String spec) {
        Matcher limit = LIMIT.matcher(spec);
        if (limit.find()) {
            try {
                return Math.max(0, Integer.parseInt(limit.group(1)));
            } catch (NumberFormatException e) {
                return DEFAULT_LIMIT; // more digits than an int: distcc itself would reject the list
            }
        }
        return DEFAULT_LIMIT;
    }

    private static boolean isLocalhost(String spec) {
        String host = spec.split("[/:,]", 2)[0];
        return host.toLowerCase(Locale.ROOT).equals("localhost");
    }
}
