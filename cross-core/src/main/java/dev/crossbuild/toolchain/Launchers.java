package dev.crossbuild.toolchain;

import java.util.List;
import java.util.Set;

/**
 * Programs that may stand before a compiler in {@code [binaries]}: a compiler cache ({@code ccache},
 * {@code sccache}), a compile distributor ({@code distcc}, icecream's {@code icecc}), or a cache then a distributor
 * ({@code ['ccache', 'distcc', 'aarch64-linux-gnu-gcc']}).
 */
final class Launchers {

    /** Meson accepts ccache and sccache. */
    private static final Set<String> CACHES = Set.of("ccache", "sccache");

    /** Used the same way: the compiler and its arguments follow. */
    private static final Set<String> DISTRIBUTORS = Set.of("distcc", "icecc");

    private Launchers() {
    }

    static boolean isLauncher(String program) {
        return isCache(program) || isDistributor(program);
    }

    static boolean isCache(String program) {
        return CACHES.contains(baseName(program));
    }

    static boolean isDistributor(String program) {
        return DISTRIBUTORS.contains(baseName(program));
    }

    /** ccache hands its misses to a distributor through {@code CCACHE_PREFIX}; sccache has no such setting. */
    static boolean passesMissesOn(String cache) {
        return isCcache(cache);
    }

    static boolean isCcache(String program) {
        return baseName(program).equals("ccache");
    }

    /** How many leading elements of {@code argv} are launchers: 0, 1, or 2 (a cache, then a distributor). */
    static int launcherLength(List<String> argv) {
        if (argv.isEmpty()) {
            return 0;
        }
        if (isCache(argv.get(0))) {
            return argv.size() > 1 && isDistributor(argv.get(1)) ? 2 : 1;
        }
        return isDistributor(argv.get(0)) ? 1 : 0;
    }

    /** The file name part of a program path, {@code gcc} of {@code /usr/bin/gcc}. */
    static String baseName(String program) {
        int slash = Math.max(program.lastIndexOf('/'), program.lastIndexOf('\\'));
        return program.substring(slash + 1);
    }

    static List<String> withoutLauncher(List<String> argv) {
        return argv.subList(launcherLength(argv), argv.size());
    }
}
