package dev.crossbuild.io;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One build at a time in an output folder ({@code target/cross/<classifier>/}): two builds of one module (an IDE's
 * and a terminal's, two CI steps) would otherwise share its temporary names and states. The lock is the operating
 * system's on the file {@value #FILE_NAME} in the folder, so a build that dies (kill -9 included) releases it; the
 * file's text only says who holds it ({@link LockHolder}). A second build waits, saying for whom, and gives up after
 * its timeout with a {@link FolderLockedException} naming the holder.
 *
 * <p>Operating-system locks belong to the process, so the threads of one JVM are kept apart here too: a folder
 * locked by one thread makes another wait the same way. A thread never holds two folders' locks at once, so no two
 * builds can wait for each other.
 */
public final class FolderLock implements AutoCloseable {

    public static final String FILE_NAME = ".lock";

    /**
     * The byte locked: far past the text, so that where locks are mandatory (Windows) a waiting build can still read
     * the text.
     */
    private static final long REGION = Long.MAX_VALUE - 1;
    private static final long POLL_MILLIS = 200;
    /** Folders locked by this JVM, and by which thread. */
    private static final Map<Path, Thread> HELD = new ConcurrentHashMap<>();

    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;

    private FolderLock(Path key, FileChannel channel, FileLock lock) {
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks {@code folder} (creating it) for {@code me}, waiting up to {@code timeout} while another build holds it.
     *
     * @param shown the folder as messages name it ({@code target/cross/linux-aarch_64})
     * @param waiting told once per holder waited for: {@code waiting for the build of pid 1234 (...) to release ...}
     * @throws FolderLockedException still held by another build after {@code timeout}
     * @throws FolderException a file is where the folder must be
     */
    public static FolderLock acquire(Path folder, String shown, LockHolder me, Duration timeout,
                                     Consumer<String> waiting)
            throws FolderLockedException, FolderException, IOException {
        Path key = Folders.create(folder);
        Path file = key.resolve(FILE_NAME);
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<LockHolder> announced = Optional.empty();
        for (int attempt = 1; ; attempt++) {
            FolderLock taken = tryTake(key, file, me);
            if (taken != null) {
                return taken;
            }
            Optional<LockHolder> holder = read(file);
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new FolderLockedException(key.toString(), shown + " is still in use by " + describe(holder, me)
                        + " after waiting " + timeout.toSeconds() + " s", "let that build finish (or stop it), or "
                        + "wait longer with -Dcross.lockTimeout=<seconds>");
            }
            // The holder writes its text just after it takes the lock: an empty text is worth one more look.
            if (holder.isPresent() ? !holder.equals(announced) : attempt == 2 && announced.isEmpty()) {
                waiting.accept("waiting for " + describe(holder, me) + " to release " + shown);
                announced = holder;
            }
            try {
                Thread.sleep(Math.min(POLL_MILLIS, TimeUnit.NANOSECONDS.toMillis(left) + 1));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                InterruptedIOException interrupted = new InterruptedIOException("interrupted while waiting for "
                        + shown);
                interrupted.initCause(e);
                throw interrupted;
            }
        }
    }

    /** Takes the lock for this thread, or null when another thread or process has it. */
    private static FolderLock tryTake(Path key, Path file, LockHolder me) throws IOException {
        Thread owner = HELD.putIfAbsent(key, Thread.currentThread());
        if (owner == Thread.currentThread()) {
            throw new IllegalStateException("this thread holds the lock of " + key + " already");
        }
        if (owner != null) {
            return null;
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock(REGION, 1, false);
            } catch (OverlappingFileLockException e) { // the same folder by another path, in this JVM
                lock = null;
            }
            if (lock == null) {
                channel.close();
                HELD.remove(key);
                return null;
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(me.text()), 0);
            return new FolderLock(key, channel, lock);
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            HELD.remove(key);
            throw e;
        }
    }

    private static Optional<LockHolder> read(Path file) {
        try {
            return LockHolder.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) { // gone, unreadable or not UTF-8: who holds it stays unknown
            return Optional.empty();
        }
    }

    private static String describe(Optional<LockHolder> holder, LockHolder me) {
        return holder.map(h -> h.describe(me.host(), ZoneId.systemDefault()))
                .orElse("another build (its lock file does not say which)");
    }

    /** Releases the lock; the text stays until the next holder replaces it (it decides nothing). */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
            channel.close();
        } finally {
            HELD.remove(key);
        }
    }
}
