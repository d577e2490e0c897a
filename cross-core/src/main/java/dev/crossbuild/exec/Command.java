package dev.crossbuild.exec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One program to run: its argv (passed to the program as is, never through a shell), the directory to run it in
 * (empty: the current one), environment variables to set on top of the inherited environment, and how long it may
 * take before it and every process it started are killed.
 */
public record Command(List<String> argv, Optional<Path> workingDirectory, Map<String, String> environment,
        Duration timeout) {

    /** Long enough for any single compiler or test run; callers with a better idea pass their own. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    public Command {
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("a command needs at least the program to run");
        }
        if (argv.get(0).isEmpty()) {
            throw new IllegalArgumentException("the program to run is an empty string: " + argv);
        }
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        environment = Map.copyOf(environment);
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
    }

    /** The program with its arguments, in the current directory, inherited environment, default timeout. */
    public static Command of(List<String> argv) {
        return new Command(argv, Optional.empty(), Map.of(), DEFAULT_TIMEOUT);
    }

    public static Command of(String... argv) {
        return of(List.of(argv));
    }

    /** {@code argv[0]}: the program, a name looked up on PATH or a path. */
    public String program() {
        return argv.get(0);
    }

    public Command withWorkingDirectory(Path directory) {
        return new Command(argv, Optional.of(directory), environment, timeout);
    }

    /** This command in {@code directory} unless it names its own. */
    public Command orIn(Path directory) {
        return workingDirectory.isPresent() ? this : withWorkingDirectory(directory);
    }

    /** This command with {@code name=value} set for the program, replacing an inherited or earlier value. */
    public Command withEnvironment(String name, String value) {
        Map<String, String> merged = new LinkedHashMap<>(environment);
        merged.put(name, value);
        return new Command(argv, workingDirectory, merged, timeout);
    }

    /** This command with all of {@code variables} set, each replacing an inherited or earlier value. */
    public Command withEnvironment(Map<String, String> variables) {
        Map<String, String> merged = new LinkedHashMap<>(environment);
        merged.putAll(variables);
        return new Command(argv, workingDirectory, merged, timeout);
    }

    public Command withTimeout(Duration limit) {
        return new Command(argv, workingDirectory, environment, limit);
    }
}
