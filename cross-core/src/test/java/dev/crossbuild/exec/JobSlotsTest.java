package dev.crossbuild.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class JobSlotsTest {

    @Test
    void runnersSharingSlotsNeverRunMoreProcessesAtOnceThanThereAreSlots() throws Exception {
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ProcessRunner slow = command -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            return new ProcessResult(command.argv(), 0, "", "", Duration.ZERO, false);
        };
        JobSlots slots = JobSlots.of(3);
        // Two "targets", each with more threads than slots, as two targets' compile pools are.
        List<ProcessRunner> targets = List.of(slots.limit(slow), slots.limit(slow));
        ExecutorService threads = Executors.newFixedThreadPool(12);
        try {
            List<Future<ProcessResult>> futures = new ArrayList<>();
            for (int i = 0; i < 48; i++) {
                ProcessRunner runner = targets.get(i % 2);
                futures.add(threads.submit(() -> runner.run(Command.of(List.of("cc")))));
            }
            for (Future<ProcessResult> future : futures) {
                future.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(3, most.get());
    }

    /** Counts the processes of each kind running at once, and the most seen. */
    private static final class Census {
        final AtomicInteger compiles = new AtomicInteger();
        final AtomicInteger others = new AtomicInteger();
        final AtomicInteger together = new AtomicInteger();
        final AtomicInteger mostCompiles = new AtomicInteger();
        final AtomicInteger mostOthers = new AtomicInteger();
        final AtomicInteger mostTogether = new AtomicInteger();

        ProcessRunner runner(boolean compile) {
            return command -> {
                AtomicInteger mine = compile ? compiles : others;
                (compile ? mostCompiles : mostOthers).accumulateAndGet(mine.incrementAndGet(), Math::max);
                mostTogether.accumulateAndGet(together.incrementAndGet(), Math::max);
                try {
                    Thread.sleep(30);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                together.decrementAndGet();
                mine.decrementAndGet();
                return new ProcessResult(command.argv(), 0, "", "", Duration.ZERO, false);
            };
        }
    }

    private static void runAll(List<ProcessRunner> runners, int processes) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            List<Future<ProcessResult>> futures = new ArrayList<>();
            for (int i = 0; i < processes; i++) {
                ProcessRunner runner = runners.get(i % runners.size());
                futures.add(threads.submit(() -> runner.run(Command.of(List.of("cc")))));
            }
            for (Future<ProcessResult> future : futures) {
                future.get();
            }
        } finally {
            threads.shutdownNow();
        }
    }

    @Test
    void compilesFillEverySlotWhileOtherProcessesStayWithinTheLocalOnes() throws Exception {
        JobSlots slots = JobSlots.of(5, 2); // 2 processors + 3 remote slots of a compile farm
        Census census = new Census();
        runAll(List.of(slots.limitCompiles(census.runner(true))), 20);
        assertEquals(5, census.mostCompiles.get());

        runAll(List.of(slots.limit(census.runner(false))), 20);
        assertEquals(2, census.mostOthers.get());

        Census mixed = new Census();
        runAll(List.of(slots.limitCompiles(mixed.runner(true)), slots.limit(mixed.runner(false))), 60);
        assertTrue(mixed.mostOthers.get() <= 2, "links " + mixed.mostOthers);
        assertTrue(mixed.mostTogether.get() <= 5, "together " + mixed.mostTogether);
    }

    @Test
    void oneCountIsOnePool() {
        JobSlots slots = JobSlots.of(4);
        assertEquals(4, slots.count());
        assertEquals(4, slots.localCount());
        assertThrows(IllegalArgumentException.class, () -> JobSlots.of(2, 3));
        assertThrows(IllegalArgumentException.class, () -> JobSlots.of(0));
    }
}
