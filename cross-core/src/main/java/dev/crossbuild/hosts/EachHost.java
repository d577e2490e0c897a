package dev.crossbuild.hosts;

import dev.crossbuild.error.CrossException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs one piece of work per host machine, all at once: each on a thread of its own (the processes they start share
 * the build's {@link dev.crossbuild.exec.JobSlots}), so a target that finishes its compiles links at once instead of
 * waiting for the others' last compiles. A target that fails does not stop the others; when they have all finished,
 * every failure is reported together. With one target the work runs on the calling thread, exactly as a one-target
 * build always has.
 */
public final class EachHost {

    /** The work for one host machine. */
    @FunctionalInterface
    public interface Work<T, R> {
        R run(T target) throws CrossException, IOException;
    }

    private EachHost() {
    }

    /**
     * @param label names a target in messages (its classifier)
     * @return the results, in the order of {@code targets}
     * @throws HostsFailedException when one or more targets failed with a problem the user can fix (each with its
     *     error); an unexpected failure is thrown as it is, with the other targets' failures suppressed in it
     */
    public static <T, R> List<R> run(List<T> targets, Function<T, String> label, Work<T, R> work)
            throws CrossException, IOException {
        if (targets.size() == 1) {
            return List.of(work.run(targets.get(0)));
        }
        ExecutorService threads = Executors.newFixedThreadPool(Math.max(1, targets.size()), task -> {
            Thread thread = new Thread(task, "cross-target");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<R>> futures = new ArrayList<>();
            for (T target : targets) {
                futures.add(threads.submit(() -> work.run(target)));
            }
            List<R> results = new ArrayList<>();
            Map<String, Throwable> failures = new LinkedHashMap<>();
            for (int i = 0; i < targets.size(); i++) {
                try {
                    results.add(futures.get(i).get());
                } catch (ExecutionException e) {
                    failures.put(label.apply(targets.get(i)), e.getCause());
                }
            }
            if (!failures.isEmpty()) {
                throw failure(failures, targets.size());
            }
            return results;
        } catch (InterruptedException e) {
            threads.shutdownNow(); // each runner kills its process trees
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException("the build was interrupted");
            interrupted.initCause(e);
            throw interrupted;
        } finally {
            threads.shutdownNow();
        }
    }

    private static HostsFailedException failure(Map<String, Throwable> failures, int count) throws IOException {
        Throwable unexpected = failures.values().stream().filter(f -> !(f instanceof CrossException)).findFirst()
                .orElse(null);
        if (unexpected == null) {
            return new HostsFailedException(failures, count);
        }
        failures.values().stream().filter(f -> f != unexpected).forEach(unexpected::addSuppressed);
        if (unexpected instanceof IOException io) {
            throw io;
        }
        if (unexpected instanceof RuntimeException runtime) {
            throw runtime;
        }
        if (unexpected instanceof Error error) {
            throw error;
        }
        throw new IOException(unexpected);
    }
}
