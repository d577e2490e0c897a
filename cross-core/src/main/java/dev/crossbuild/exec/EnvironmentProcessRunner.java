package dev.crossbuild.exec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Sets variables for every command it runs through another runner, so that a goal can give each tool it starts the
 * same environment ({@code SOURCE_DATE_EPOCH}) without every planner knowing of it. A variable the command sets
 * itself wins: it is the more specific one.
 */
final class EnvironmentProcessRunner implements ProcessRunner {

    private final ProcessRunner delegate;
    private final Map<String, String> variables;

    EnvironmentProcessRunner(ProcessRunner delegate, Map<String, String> variables) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.variables = Map.copyOf(variables);
    }

    @Override
    public ProcessResult run(Command command) throws IOException {
        Map<String, String> merged = new LinkedHashMap<>(variables);
        merged.putAll(command.environment());
        return delegate.run(new Command(command.argv(), command.workingDirectory(), merged, command.timeout()));
    }

    @Override
    public Optional<Path> directory() {
        return delegate.directory();
    }
}
