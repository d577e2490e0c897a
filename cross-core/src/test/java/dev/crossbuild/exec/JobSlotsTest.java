package dev.crossbuild.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
