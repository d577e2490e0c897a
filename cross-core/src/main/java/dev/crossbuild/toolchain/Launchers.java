package dev.crossbuild.toolchain;

import java.util.List;
import java.util.Set;

/** Programs that may stand before a compiler in {@code [binaries]}: compiler caches and distributors. */
final class Launchers {

    /** Meson accepts ccache and sccache; distcc and icecc's wrapper are used the same way. */
    private static final Set<String> NAMES = Set.of("ccache", "sccache", "distcc", "icecc");

    private Launchers() {
    }

    static boolean isLauncher(String program) {
        return NAMES.contains(baseName(program));
    }

    /** How many leading elements of {@code argv} are a launcher (0 or 1). */
    static int launcherLength(List<String> argv) {
        return !argv.isEmpty() && isLauncher(argv.get(0)) ? 1 : 0;
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
