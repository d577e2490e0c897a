package dev.crossbuild.nativebuild;

/**
 * Where the build goals report progress ({@code [3/20] CC src/main/c/a.c}, summaries) and warnings (a compiler's
 * warnings, verbatim). The plugin forwards both to Maven's log; tests collect them. Calls may come from several
 * threads; the callers in this package make them one at a time.
 */
public interface BuildListener {

    void info(String line);

    void warn(String line);

    /**
     * {@code listener}, with {@code prefix} in front of every message ({@code [linux-aarch_64] },
     * {@code [build machine] }); a message of several lines is logged in one call, so its first line carries it.
     */
    static BuildListener prefixed(BuildListener listener, String prefix) {
        return new BuildListener() {
            @Override
            public void info(String line) {
                listener.info(prefix + line);
            }

            @Override
            public void warn(String line) {
                listener.warn(prefix + line);
            }

            @Override
            public boolean explains() {
                return listener.explains();
            }
        };
    }

    /**
     * True in verbose mode: then each progress line of an output that is made again ends with why, in parentheses
     * ({@code [3/20] CC src/a.c (input src/a.h changed (size 12 -> 14))}; {@link RebuildReason}).
     */
    default boolean explains() {
        return false;
    }

    /** Drops everything: for callers that want no output. */
    static BuildListener silent() {
        return new BuildListener() {
            @Override
            public void info(String line) {
            }

            @Override
            public void warn(String line) {
            }
        };
    }
}
