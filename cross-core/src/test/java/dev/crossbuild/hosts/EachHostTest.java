package dev.crossbuild.hosts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbuild.error.CrossException;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class EachHostTest {

    private static final class Problem extends CrossException {
        private static final long serialVersionUID = 1L;

        Problem(String message) {
            this(message, null);
        }

        Problem(String message, String remedy) {
            super(message, "value", remedy);
        }
    }

    private static boolean await(CountDownLatch latch) {
        try {
            return latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Long enough that a target failing at once would stop the others, if failures stopped anything. */
    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void allTargetsRunAtOnceAndResultsKeepTheirOrder() throws Exception {
        CountDownLatch allStarted = new CountDownLatch(3);
        List<String> results = EachHost.run(List.of("a", "b", "c"), t -> t, t -> {
            allStarted.countDown();
            // Only returns when the three run at the same time: one after another would time out.
            assertTrue(await(allStarted), "the targets did not run in parallel");
            return t.toUpperCase();
        });
        assertEquals(List.of("A", "B", "C"), results);
    }

    @Test
    void aFailedTargetLetsTheOthersFinishAndEveryFailureIsNamed() {
        Set<String> finished = ConcurrentHashMap.newKeySet();
        HostsFailedException e = assertThrows(HostsFailedException.class, () -> EachHost.run(
                List.of("linux-aarch_64", "linux-riscv64", "windows-x86_64", "linux-arm_32"), t -> t, t -> {
                    if (t.equals("linux-riscv64")) {
                        throw new Problem("1 source of 2 failed to compile\nsrc/a.c: gcc exited with 1:\nerror: x");
                    }
                    if (t.equals("linux-arm_32")) {
                        throw new Problem("link failed", "install the linker");
                    }
                    pause();
                    finished.add(t);
                    return t;
                }));
        assertEquals(Set.of("linux-aarch_64", "windows-x86_64"), finished);
        assertEquals(List.of("linux-riscv64", "linux-arm_32"), e.failed());
        assertEquals("2 of 4 targets failed (linux-riscv64, linux-arm_32); the others finished:\n"
                + "[linux-riscv64] 1 source of 2 failed to compile\n"
                + "[linux-riscv64] src/a.c: gcc exited with 1:\n"
                + "[linux-riscv64] error: x\n"
                + "[linux-arm_32] link failed\n"
                + "[linux-arm_32] install the linker", e.getMessage());
    }

    @Test
    void anUnexpectedFailureIsThrownAsItIsWithTheOthersSuppressed() {
        IOException io = new IOException("disk full");
        IOException thrown = assertThrows(IOException.class, () -> EachHost.run(List.of("a", "b"), t -> t, t -> {
            if (t.equals("a")) {
                throw new Problem("user error");
            }
            throw io;
        }));
        assertSame(io, thrown);
        assertEquals(1, thrown.getSuppressed().length);
    }

    @Test
    void oneTargetRunsOnTheCallingThreadAndItsErrorIsItsOwn() {
        Thread caller = Thread.currentThread();
        Problem problem = new Problem("only");
        Problem thrown = assertThrows(Problem.class, () -> EachHost.run(List.of("a"), t -> t, t -> {
            assertSame(caller, Thread.currentThread());
            throw problem;
        }));
        assertSame(problem, thrown);
    }
}
