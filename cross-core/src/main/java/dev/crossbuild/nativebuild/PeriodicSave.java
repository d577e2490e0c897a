package dev.crossbuild.nativebuild;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Saves an incremental state every {@code interval} while a build runs, so that a build killed half-way (kill -9, a
 * closed IDE) keeps what it finished: the next build resumes there instead of starting over, losing at most the last
 * interval's work. Each save is atomic and happens only when something was recorded since the last.
 */
final class PeriodicSave implements AutoCloseable {

    /** Once a second: a state of thousands of objects is written in milliseconds. */
    static final Duration INTERVAL = Duration.ofSeconds(1);

    private final ScheduledExecutorService timer;

    PeriodicSave(IncrementalState state, Duration interval) {
        timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "cross-state-save");
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        timer.scheduleWithFixedDelay(() -> {
            try {
                state.save();
            } catch (IOException e) {
                // the caller's final save tries again and reports it
            }
        }, millis, millis, TimeUnit.MILLISECONDS);
    }

    /** Stops saving; a save under way finishes (the caller's final save waits for it). */
    @Override
    public void close() {
        timer.shutdown();
    }
}
