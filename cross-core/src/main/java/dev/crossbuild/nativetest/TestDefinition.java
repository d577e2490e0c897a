package dev.crossbuild.nativetest;

import dev.crossbuild.nativebuild.NativeTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One native test: what runs ({@link Program}: a test program built from its own sources, or one of the module's
 * {@code <executables>}), with which arguments and extra environment variables, in which folder, how its result is
 * read ({@link TestProtocol}), how long it may run (empty: the goal's {@code cross.test.timeout}), and whether it may
 * run beside other tests ({@code parallel}; false: it runs alone, after the others).
 *
 * <p>Without a working directory the test runs in a folder of its own, emptied before each run
 * ({@link NativeTests#runDirectory}), so tests never share files and nothing is written into the module.
 */
public record TestDefinition(String name, Program program, List<String> args, Map<String, String> environment,
                             Optional<Path> workingDirectory, TestProtocol protocol, Optional<Duration> timeout,
                             boolean parallel) {

    /** What a test runs. */
    public sealed interface Program permits Compiled, ProjectExecutable {
    }

    /** A test program compiled and linked from its own sources in the test layout. */
    public record Compiled(NativeTarget target) implements Program {
        public Compiled {
            Objects.requireNonNull(target, "target");
        }
    }

    /** An {@code <executable>} of the module, as native-link left it in {@code bin/}: nothing is built for it. */
    public record ProjectExecutable(String executable) implements Program {
        public ProjectExecutable {
            Objects.requireNonNull(executable, "executable");
        }
    }

    /** What a test name must look like: it names a report file and a folder. */
    public static final String NAME_PATTERN = "[A-Za-z0-9_][A-Za-z0-9_.+-]*";

    public TestDefinition {
        Objects.requireNonNull(name, "name");
        if (!name.matches(NAME_PATTERN)) {
            throw new IllegalArgumentException("test name '" + name + "' must be letters, digits, '_', '.', '+' or '-'"
                    + " (starting with a letter, digit or '_')");
        }
        Objects.requireNonNull(program, "program");
        if (program instanceof Compiled compiled && !compiled.target().name().equals(name)) {
            throw new IllegalArgumentException("test '" + name + "' builds a program named '"
                    + compiled.target().name() + "'");
        }
        args = List.copyOf(args);
        for (String variable : environment.keySet()) {
            if (variable.isEmpty() || variable.contains("=") || variable.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("test '" + name + "': '" + variable + "' cannot name an "
                        + "environment variable");
            }
        }
        environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
        workingDirectory = workingDirectory.map(d -> d.toAbsolutePath().normalize());
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isPresent() && (timeout.get().isNegative() || timeout.get().isZero())) {
            throw new IllegalArgumentException("test '" + name + "': the timeout must be positive, was "
                    + timeout.get());
        }
    }

    /** A test program found by convention: no arguments, its own folder, exit code, the goal's timeout, parallel. */
    public static TestDefinition of(NativeTarget program) {
        return builder(program.name(), new Compiled(program)).build();
    }

    public static Builder builder(String name, Program program) {
        return new Builder(name, program);
    }

    /** This test running {@code program} instead (the same test, wired to the module's libraries). */
    public TestDefinition withProgram(Program replacement) {
        return new TestDefinition(name, replacement, args, environment, workingDirectory, protocol, timeout, parallel);
    }

    /** The program a compiled test builds, or empty for a test that runs one of the module's executables. */
    public Optional<NativeTarget> compiled() {
        return program instanceof Compiled compiled ? Optional.of(compiled.target()) : Optional.empty();
    }

    /** Sets a test's settings by name; what is not set keeps the default of {@link #of}. */
    public static final class Builder {
        private final String name;
        private final Program program;
        private List<String> args = List.of();
        private Map<String, String> environment = Map.of();
        private Optional<Path> workingDirectory = Optional.empty();
        private TestProtocol protocol = TestProtocol.EXIT_CODE;
        private Optional<Duration> timeout = Optional.empty();
        private boolean parallel = true;

        private Builder(String name, Program program) {
            this.name = name;
            this.program = program;
        }

        public Builder args(List<String> value) {
            args = value;
            return this;
        }

        public Builder environment(Map<String, String> value) {
            environment = value;
            return this;
        }

        public Builder workingDirectory(Optional<Path> value) {
            workingDirectory = value;
            return this;
        }

        public Builder protocol(TestProtocol value) {
            protocol = value;
            return this;
        }

        public Builder timeout(Optional<Duration> value) {
            timeout = value;
            return this;
        }

        public Builder parallel(boolean value) {
            parallel = value;
            return this;
        }

        public TestDefinition build() {
            return new TestDefinition(name, program, args, environment, workingDirectory, protocol, timeout, parallel);
        }
    }
}
