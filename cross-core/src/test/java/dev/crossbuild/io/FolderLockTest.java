package dev.crossbuild.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbuild.testing.JavaProcesses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lock of an output folder against a real second process (operating-system locks are per process) and against
 * another thread of this JVM: the waiter names the holder, proceeds when it is released or killed, and gives up after
 * its timeout with the holder's name.
 */
class FolderLockTest {

    private static final LockHolder ME = new LockHolder(ProcessHandle.current().pid(), "here", "cross:link",
            Instant.now());

    @TempDir
    Path dir;

    private Process other;
    private final List<String> waited = Collections.synchronizedList(new ArrayList<>());

    @AfterEach
    void stopTheOtherBuild() {
        if (other != null) {
            other.destroyForcibly();
        }
    }

    private Path folder() {
        return dir.resolve("target/cross/linux-aarch_64");
    }

    /** A second JVM that holds the folder's lock for {@code millis}, once it has it. */
    private Process otherBuildHolding(long millis) throws Exception {
        Path log = dir.resolve("other.log");
        other = JavaProcesses.start(HoldFolderLockMain.class, log, folder().toString(), Long.toString(millis));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!Files.exists(log) || !Files.readString(log).contains("locked")) {
            assertTrue(other.isAlive(), () -> "the other build ended: " + read(log));
            assertTrue(System.nanoTime() < deadline, "the other build did not lock in 30 s");
            Thread.sleep(20);
        }
        return other;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private FolderLock acquire(Duration timeout) throws Exception {
        return FolderLock.acquire(folder(), "target/cross/linux-aarch_64", ME, timeout, waited::add);
    }

    @Test
    void anotherProcessesLockMakesThisBuildWaitSayingForWhomThenProceed() throws Exception {
        Process holder = otherBuildHolding(1500);
        long start = System.nanoTime();

        FolderLock lock = acquire(Duration.ofSeconds(60));
        try {
            assertTrue(System.nanoTime() - start > TimeUnit.MILLISECONDS.toNanos(500), "it waited");
            assertEquals(1, waited.size(), waited.toString());
            assertTrue(waited.get(0).matches("waiting for the build of pid " + holder.pid() + " \\(cross:compile, "
                    + "started \\d\\d:\\d\\d:\\d\\d\\) to release target/cross/linux-aarch_64"), waited.get(0));
            assertTrue(Files.readString(folder().resolve(".lock")).startsWith("pid=" + ME.pid() + "\nhost=here\n"
                    + "goal=cross:link\nstarted="), "the lock file names its holder");
        } finally {
            lock.close();
        }
    }

    @Test
    void afterTheTimeoutItFailsNamingTheHolder() throws Exception {
        Process holder = otherBuildHolding(60_000);

        FolderLockedException e = assertThrows(FolderLockedException.class, () -> acquire(Duration.ofMillis(600)));

        assertTrue(e.getMessage().matches("target/cross/linux-aarch_64 is still in use by the build of pid "
                + holder.pid() + " \\(cross:compile, started \\d\\d:\\d\\d:\\d\\d\\) after waiting 0 s; let that "
                + "build finish \\(or stop it\\), or wait longer with -Dcross.lockTimeout=<seconds>"), e.getMessage());
        assertEquals(folder().toString(), e.value());
        assertEquals(1, waited.size(), "it said whom it waited for first: " + waited);
    }

    @Test
    void aKilledBuildsLockDoesNotBlockThoughItsFileStillNamesIt() throws Exception {
        Process holder = otherBuildHolding(60_000);
        holder.destroyForcibly();
        assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
        assertTrue(Files.readString(folder().resolve(".lock")).startsWith("pid=" + holder.pid() + "\n"));

        FolderLock lock = acquire(Duration.ZERO);
        try {
            assertEquals(List.of(), waited);
        } finally {
            lock.close();
        }
    }

    @Test
    void anotherThreadOfThisJvmWaitsToo() throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> {
            try {
                FolderLock held = FolderLock.acquire(folder(), "first", ME, Duration.ZERO, waited::add);
                try {
                    locked.countDown();
                    release.await();
                } finally {
                    held.close();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertTrue(locked.await(10, TimeUnit.SECONDS));

        assertThrows(FolderLockedException.class, () -> acquire(Duration.ofMillis(300)));
        release.countDown();
        first.get(10, TimeUnit.SECONDS);
        FolderLock lock = acquire(Duration.ofSeconds(10));
        try {
            assertTrue(waited.get(0).startsWith("waiting for the build of pid " + ME.pid() + " (cross:link, started "),
                    waited.toString());
        } finally {
            lock.close();
        }
    }

    @Test
    void theSameThreadTakingItTwiceIsADefect() throws Exception {
        FolderLock lock = acquire(Duration.ZERO);
        try {
            assertThrows(IllegalStateException.class, () -> acquire(Duration.ZERO));
        } finally {
            lock.close();
        }
        acquire(Duration.ZERO).close(); // released: free again
    }

    @Test
    void aFileWhereTheFolderMustBeIsExplained() throws Exception {
        Files.createDirectories(folder().getParent());
        Files.writeString(folder(), "");

        FolderException e = assertThrows(FolderException.class, () -> acquire(Duration.ZERO));

        assertEquals(folder() + " is a file, not a folder; delete or move it (mvn clean deletes everything under "
                + "target/)", e.getMessage());
        assertFalse(Files.isDirectory(folder()));
    }

    @Test
    void theStartIsWrittenAsInstantWritesIt() {
        Random random = new Random(15);
        List<Instant> instants = new ArrayList<>(List.of(Instant.EPOCH, Instant.parse("2000-02-29T23:59:59Z"),
                Instant.parse("1969-12-31T23:59:59.999999999Z"), Instant.parse("2100-03-01T00:00:00.5Z"),
                Instant.parse("2024-05-06T10:02:11.000123Z"), Instant.parse("9999-12-31T23:59:59Z")));
        for (int i = 0; i < 2000; i++) {
            instants.add(Instant.ofEpochSecond(random.nextLong() % 253_402_300_799L, random.nextInt(1_000_000_000)));
        }
        for (Instant instant : instants) {
            if (instant.getEpochSecond() >= -62_167_219_200L) { // year 0 on: Instant writes earlier years signed
                assertEquals(instant.toString(), LockHolder.iso(instant), instant.getEpochSecond() + "s");
            }
        }
    }

    @Test
    void theHolderIsReadBackAndDescribed() {
        LockHolder holder = new LockHolder(1234, "ci-7", "cross:compile", Instant.parse("2024-05-06T10:02:11Z"));

        assertEquals(Optional.of(holder), LockHolder.parse(new String(holder.text(), java.nio.charset.StandardCharsets.UTF_8)));
        assertEquals(Optional.empty(), LockHolder.parse(""));
        assertEquals(Optional.empty(), LockHolder.parse("pid=12"));
        assertEquals("the build of pid 1234 on ci-7 (cross:compile, started 2024-05-06 10:02:11)",
                holder.describe("here", ZoneOffset.UTC));
        LockHolder today = new LockHolder(1234, "here", "cross:test", Instant.now());
        assertTrue(today.describe("here", ZoneId.systemDefault())
                .matches("the build of pid 1234 \\(cross:test, started \\d\\d:\\d\\d:\\d\\d\\)"));
    }
}
