package dev.crossbuild.setup;

import dev.crossbuild.exec.Command;
import dev.crossbuild.exec.ProcessResult;
import dev.crossbuild.exec.ProcessRunner;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Counts the processes another runner starts, so setup can say what detection and checks cost. */
final class CountingProcessRunner implements ProcessRunner {

    private final ProcessRunner delegate;
    private final AtomicInteger runs = new AtomicInteger();

    CountingProcessRunner(ProcessRunner delegate) {
        this.delegate = delegate;
    }

    @Override
    public ProcessResult run(Command command) throws IOException {
        runs.incrementAndGet();
        return delegate.run(command);
    }

    @Override
    public Optional<Path> directory() {
        return delegate.directory();
    }

    int runs() {
        return runs.get();
    }
}
