package dev.crossbuild.exec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs programs. {@link #system()} is the only thing in cross-core that starts processes; code that needs to run
 * something takes a {@code ProcessRunner}, so tests can hand it a fake.
 */
public interface ProcessRunner {

    /**
     * Runs the command to its end or its timeout and returns how it ended; a non-zero exit code or a timeout is a
     * result, not an exception.
     *
     * @throws ProgramNotFoundException when the program does not exist (on PATH, or at the path given)
     * @throws java.io.InterruptedIOException when the calling thread is interrupted (the process tree is killed)
     * @throws IOException when the program cannot be started for another reason
     */
    ProcessResult run(Command command) throws IOException;

    /**
     * The folder a command that names none runs in ({@link #in}), so that a relative path in its arguments can be
     * read as the program will read it; empty: the JVM's working directory. Runners that wrap another pass its on.
     */
    default Optional<Path> directory() {
        return Optional.empty();
    }

    /** Runs commands as real processes of this machine. Safe to use from many threads at once. */
    static ProcessRunner system() {
        return SystemProcessRunner.INSTANCE;
    }

    /**
     * {@code delegate}, reporting each command to {@code log} before it runs, as one shell line (verbose mode):
     * {@code CC=gcc make -C 'my dir'}, with {@code cd DIR && } in front when it runs elsewhere than {@code directory}.
     */
    static ProcessRunner logging(ProcessRunner delegate, Path directory, Consumer<String> log) {
        return new LoggingProcessRunner(delegate, directory, log);
    }

    /**
     * {@code delegate}, running a command that names no working directory in {@code directory}: a goal runs every tool
     * in its module's folder, as compiles and links run, so a relative path in a machine file's arguments means the
     * same folder in the compiler checks and the doctor's probes as in the build, wherever Maven was started.
     */
    static ProcessRunner in(ProcessRunner delegate, Path directory) {
        Path absolute = directory.toAbsolutePath().normalize();
        return new ProcessRunner() {
            @Override
            public ProcessResult run(Command command) throws IOException {
                return delegate.run(command.orIn(absolute));
            }

            @Override
            public Optional<Path> directory() {
                return Optional.of(absolute);
            }
        };
    }

    /**
     * {@code delegate}, with {@code variables} set for every command on top of the inherited environment; a variable
     * the command sets itself keeps its value. Around a {@link #logging} runner, the logged lines show the variables.
     */
    static ProcessRunner withEnvironment(ProcessRunner delegate, Map<String, String> variables) {
        return variables.isEmpty() ? delegate : new EnvironmentProcessRunner(delegate, variables);
    }
}
