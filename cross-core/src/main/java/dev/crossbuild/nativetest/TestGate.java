package dev.crossbuild.nativetest;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Which tests may run at the same time, over every target of one build ({@code cross.targets} runs the targets'
 * tests on threads of their own): a test with {@code <parallel>false</parallel>} runs while no other test runs, of
 * any target; and one test that runs in a folder of the module ({@code <workingDirectory>}) runs for one target at a
 * time, since every target's run of it would write into the same folder. One gate per build; fair, so a test that
 * must run alone is not starved by the others.
 */
public final class TestGate {

    /** Runs one test; what it throws passes through. */
    @FunctionalInterface
    public interface Run<T> {
        T run() throws IOException;
    }

    private final ReentrantReadWriteLock all = new ReentrantReadWriteLock(true);
    private final Map<String, Lock> shared = new ConcurrentHashMap<>();

    /**
     * Runs {@code run} when the rules above allow it.
     *
     * @param alone the test must run alone
     * @param name the test's name
     * @param sharedDirectory the module folder it runs in, when it runs in one
     */
    public <T> T run(boolean alone, String name, Optional<Path> sharedDirectory, Run<T> run) throws IOException {
        Lock outer = alone ? all.writeLock() : all.readLock();
        acquire(outer);
        try {
            if (sharedDirectory.isEmpty()) {
                return run.run();
            }
            Lock inner = shared.computeIfAbsent(name + "\0" + sharedDirectory.get(), k -> new ReentrantLock(true));
            acquire(inner);
            try {
                return run.run();
            } finally {
                inner.unlock();
            }
        } finally {
            outer.unlock();
        }
    }

    private static void acquire(Lock lock) throws InterruptedIOException {
        try {
            lock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while a test waited for its turn");
        }
    }
}
