package dev.crossbuild.nativebuild;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Work native-link runs on a thread of its own beside the calling one (hashing outputs, compressing the debug jar),
 * and waiting for it as for any I/O call: its {@code IOException} is thrown as it is, an interrupted wait cancels it.
 */
final class Background {

    private Background() {
    }

    /** One daemon thread named {@code name}: a build that fails meanwhile never waits for it to exit. */
    static ExecutorService thread(String name) {
        return Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The result of {@code work}; {@code what} names it when it failed unexpectedly. */
    static <T> T await(Future<T> work, String what) throws IOException {
        try {
            return work.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException(what + " failed", e.getCause());
        } catch (InterruptedException e) {
            work.cancel(true);
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException("the build was interrupted");
            interrupted.initCause(e);
            throw interrupted;
        }
    }
}
