package dev.crossbuild.nativetest;

import dev.crossbuild.exec.Command;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How the test programs of one build are started: directly ({@link Mode#NATIVE}), through the cross file's
 * {@code exe_wrapper} ({@link Mode#EXE_WRAPPER}), or not at all ({@link Mode#NOT_RUN}, with the reason and the
 * remedy). {@code environment} is set for every program (the library path, Wine's variables); {@code preparation},
 * when present, runs once before the first program (creating a Wine prefix, which must not happen in several
 * programs at once).
 */
public record TestLauncher(Mode mode, List<String> wrapper, Map<String, String> environment, Path workingDirectory,
                           Optional<String> reason, Optional<String> remedy, Optional<Command> preparation) {

    public enum Mode { NATIVE, EXE_WRAPPER, NOT_RUN }

    public TestLauncher {
        Objects.requireNonNull(mode, "mode");
        wrapper = List.copyOf(wrapper);
        environment = Map.copyOf(environment);
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(remedy, "remedy");
        Objects.requireNonNull(preparation, "preparation");
    }

    /** The command that runs {@code program} without arguments in {@link #workingDirectory}. */
    public Command command(Path program, Duration timeout) {
        return command(program, List.of(), workingDirectory, Map.of(), timeout);
    }

    /**
     * The command that runs {@code program} with {@code args} in {@code directory}: the wrapper (if any), then the
     * program and its arguments, never through a shell. {@code extra} variables are set after this launcher's
     * {@link #environment}, so a test's own value of a variable wins.
     */
    public Command command(Path program, List<String> args, Path directory, Map<String, String> extra,
            Duration timeout) {
        if (mode == Mode.NOT_RUN) {
            throw new IllegalStateException("test programs are not run here: " + reason.orElse(""));
        }
        List<String> argv = new ArrayList<>(wrapper);
        argv.add(program.toString());
        argv.addAll(args);
        Map<String, String> variables = new LinkedHashMap<>(environment);
        variables.putAll(extra);
        return new Command(argv, Optional.of(directory), variables, timeout);
    }

    /** {@code natively}, {@code through qemu-aarch64 -L /usr/aarch64-linux-gnu}, {@code not run}. */
    public String description() {
        return switch (mode) {
            case NATIVE -> "natively";
            case EXE_WRAPPER -> "through " + String.join(" ", wrapper);
            case NOT_RUN -> "not run";
        };
    }
}
