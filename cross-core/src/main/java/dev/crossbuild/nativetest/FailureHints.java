package dev.crossbuild.nativetest;

import java.util.Optional;

/**
 * What the usual failures of an emulated test mean, added to the failure's message: qemu without the target's
 * libraries, Wine without a DLL (exit code 53, silent with {@code WINEDEBUG=-all}), a loader that finds no project
 * library.
 */
final class FailureHints {

    /** Wine's exit code when a DLL the program imports is not found (STATUS_DLL_NOT_FOUND, reported as 53). */
    static final int WINE_DLL_NOT_FOUND = 53;

    private FailureHints() {
    }

    static Optional<String> of(TestOutcome outcome, TestLauncher launcher) {
        if (outcome.status() != TestStatus.FAILED) {
            return Optional.empty();
        }
        String output = outcome.output();
        String wrapper = String.join(" ", launcher.wrapper());
        if (output.contains("Could not open '/lib/ld-") || output.contains("Could not open '/lib64/ld-")) {
            return Optional.of("qemu found no dynamic loader of the host machine: give it the target's libraries with "
                    + "-L in [binaries] exe_wrapper (e.g. '-L', '/usr/<triplet>'), or set sys_root in [properties]");
        }
        if (launcher.wrapper().stream().anyMatch(a -> a.endsWith("wine") || a.endsWith("wine64"))
                && outcome.exitCode().equals(Optional.of(WINE_DLL_NOT_FOUND)) && output.isBlank()) {
            return Optional.of("exit code 53 under Wine means a DLL the program needs was not found on WINEPATH ("
                    + launcher.environment().getOrDefault("WINEPATH", "") + "); run with WINEDEBUG=err+module to see "
                    + "which");
        }
        if (output.contains("error while loading shared libraries")) {
            return Optional.of("the loader did not find a library; the tests run with "
                    + launcher.environment().entrySet().stream().filter(e -> e.getKey().endsWith("LIBRARY_PATH"))
                            .map(e -> e.getKey() + "=" + e.getValue()).findFirst().orElse("no library path")
                    + (wrapper.isEmpty() ? "" : " through " + wrapper));
        }
        return Optional.empty();
    }
}
