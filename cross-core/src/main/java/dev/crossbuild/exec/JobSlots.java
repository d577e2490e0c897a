package dev.crossbuild.exec;

import java.io.InterruptedIOException;
import java.util.concurrent.Semaphore;

/**
 * A fixed number of process slots shared by everything one build runs, so that several host machines built at once
 * (each compiling with its own worker threads, then linking) never run more than {@code cross.jobs} compilers,
 * linkers or other tools together. A process takes a slot for as long as it runs and holds no other slot meanwhile,
 * so the slots cannot deadlock.
 */
public final class JobSlots {

    private final int count;
    private final Semaphore free;

    private JobSlots(int count) {
        this.count = count;
        this.free = new Semaphore(count, true); // fair: a target's link is not starved by another's queue of compiles
    }

    public static JobSlots of(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("job slots: " + count + "; at least 1");
        }
        return new JobSlots(count);
    }

    public int count() {
        return count;
    }

    /** {@code runner}, taking a slot for each process it runs. */
    public ProcessRunner limit(ProcessRunner runner) {
        return command -> {
            try {
                free.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                InterruptedIOException interrupted = new InterruptedIOException("interrupted while waiting for a job slot");
                interrupted.initCause(e);
                throw interrupted;
            }
            try {
                return runner.run(command);
            } finally {
                free.release();
            }
        };
    }
}
