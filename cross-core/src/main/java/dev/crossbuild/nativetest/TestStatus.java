package dev.crossbuild.nativetest;

/** How one native test program ended. */
public enum TestStatus {
    /** Exit code 0. */
    PASSED("PASS"),
    /** Exit code 77, the automake/Meson convention for "skipped". */
    SKIPPED("SKIP"),
    /** Any other exit code, or killed after its timeout. */
    FAILED("FAIL"),
    /** The program could not be started at all (not an executable for this machine, for instance). */
    ERROR("ERROR"),
    /** Not started: host programs cannot run on this machine and there is no exe_wrapper. */
    NOT_RUN("NOT RUN");

    private final String label;

    TestStatus(String label) {
        this.label = label;
    }

    /** {@code PASS}, {@code SKIP}, {@code FAIL}, {@code ERROR}, {@code NOT RUN}: the first word of a test's line. */
    public String label() {
        return label;
    }
}
