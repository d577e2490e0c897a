package dev.crossbuild.exec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Verbose mode's record of what runs: reports each command to a log as one shell line, then runs it through another
 * runner. Every process cross-core starts passes through its {@link ProcessRunner}, so wrapping the one a goal hands
 * to core logs each command exactly once.
 */
final class LoggingProcessRunner implements ProcessRunner {

    private final ProcessRunner delegate;
    private final Path directory;
    private final Consumer<String> log;

    LoggingProcessRunner(ProcessRunner delegate, Path directory, Consumer<String> log) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.directory = directory.toAbsolutePath().normalize();
        this.log = Objects.requireNonNull(log, "log");
    }

    @Override
    public ProcessResult run(Command command) throws IOException {
        log.accept(line(command, directory));
        return delegate.run(command);
    }

    @Override
    public Optional<Path> directory() {
        return delegate.directory();
    }

    /**
     * {@code [cd DIR && ][NAME=value ...] program args...}, each word quoted where a shell needs it: pasted into a
     * shell in {@code directory}, it runs the same command. The {@code cd} is there only when the command runs
     * elsewhere; the variables are the ones set on top of the inherited environment, by name.
     */
    static String line(Command command, Path directory) {
        StringBuilder line = new StringBuilder();
        command.workingDirectory().map(d -> d.toAbsolutePath().normalize()).filter(d -> !d.equals(directory))
                .ifPresent(d -> line.append("cd ").append(ShellWords.quote(d.toString())).append(" && "));
        for (Map.Entry<String, String> variable : new TreeMap<>(command.environment()).entrySet()) {
            line.append(variable.getKey()).append('=').append(ShellWords.quote(variable.getValue())).append(' ');
        }
        return line.append(ShellWords.join(command.argv())).toString();
    }
}
