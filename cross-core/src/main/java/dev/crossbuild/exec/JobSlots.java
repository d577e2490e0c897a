package dev.crossbuild.exec;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * The process slots shared by everything one build runs, so that several host machines built at once (each compiling
 * with its own worker threads, then linking) never run more than {@code cross.jobs} processes together.
 *
 * <p>Two pools, one inside the other. Every process takes one of the {@link #count()} slots. A process that runs on
 * this machine's processors (a link, a strip, a compiler check, a test program, a build-machine tool), which is
 * everything {@link #limit} runs, first takes one of the {@link #localCount()} local slots as well; a compile run
 * through {@link #limitCompiles} takes only the first kind. Without a compile farm both counts are the number of
 * processors and this is one pool; with one, compiles fill the farm's remote slots too while everything else stays
 * within the local processors.
 *
 * <p>A process holds its slots only while it runs and no thread holds a slot while it waits for another of the same
 * pool; local slots are always taken before shared ones. So the slots cannot deadlock.
 */
public final class JobSlots {

    private final int count;
    private final int localCount;
    private final Semaphore free;
    private final Semaphore local;

    private JobSlots(int count, int localCount) {
        this.count = count;
        this.localCount = localCount;
        this.free = new Semaphore(count, true); // fair: a target's link is not starved by another's queue of compiles
        this.local = new Semaphore(localCount, true);
    }

    /** One pool of {@code count} slots: every process counts alike. */
    public static JobSlots of(int count) {
        return of(count, count);
    }

    /**
     * {@code count} slots for all processes together, of which at most {@code localCount} (at most {@code count}) run
     * anything but compiles.
     */
    public static JobSlots of(int count, int localCount) {
        if (count < 1 || localCount < 1) {
            throw new IllegalArgumentException("job slots: " + count + " (local " + localCount + "); at least 1");
        }
        if (localCount > count) {
            throw new IllegalArgumentException("job slots: " + localCount + " local of only " + count);
        }
        return new JobSlots(count, localCount);
    }

    /** How many processes run at once: the compiles' limit. */
    public int count() {
        return count;
    }

    /** How many processes other than compiles run at once. */
    public int localCount() {
        return localCount;
    }

    /** {@code runner}, taking a local slot and a shared slot for each process it runs. */
    public ProcessRunner limit(ProcessRunner runner) {
        return new Limited(runner) {
            @Override
            public ProcessResult run(Command command) throws IOException {
                acquire(local);
                try {
                    return runShared(runner, command);
                } finally {
                    local.release();
                }
            }
        };
    }

    /** {@code runner} for compiles, which a compile farm may run elsewhere: a shared slot for each process. */
    public ProcessRunner limitCompiles(ProcessRunner runner) {
        return new Limited(runner) {
            @Override
            public ProcessResult run(Command command) throws IOException {
                return runShared(runner, command);
            }
        };
    }

    /** A runner that takes slots before it runs {@code delegate}'s commands, in {@code delegate}'s folder. */
    private abstract static class Limited implements ProcessRunner {

        private final ProcessRunner delegate;

        Limited(ProcessRunner delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<Path> directory() {
            return delegate.directory();
        }
    }

    private ProcessResult runShared(ProcessRunner runner, Command command) throws IOException {
        acquire(free);
        try {
            return runner.run(command);
        } finally {
            free.release();
        }
    }

    private static void acquire(Semaphore slots) throws InterruptedIOException {
        try {
            slots.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException("interrupted while waiting for a job slot");
            interrupted.initCause(e);
            throw interrupted;
        }
    }
}
