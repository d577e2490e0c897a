package dev.crossbuild.exec;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a {@link Command} ended: its exit code, everything it wrote (decoded as UTF-8, malformed bytes replaced), how
 * long it ran, and whether it was killed for exceeding its timeout (then {@code exitCode} is whatever the killed
 * process reported, typically 137 on Linux, and the output is what it wrote until then).
 */
public record ProcessResult(List<String> argv, int exitCode, String stdout, String stderr, Duration elapsed,
        boolean timedOut) {

    public ProcessResult {
        argv = List.copyOf(argv);
        Objects.requireNonNull(stdout, "stdout");
        Objects.requireNonNull(stderr, "stderr");
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /** Ran to the end and exited with 0. */
    public boolean succeeded() {
        return !timedOut && exitCode == 0;
    }
}
