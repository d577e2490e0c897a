package dev.crossbuild.checks;

import dev.crossbuild.error.CrossException;
import dev.crossbuild.toolchain.Compiler;
import java.util.List;
import java.util.Objects;

/**
 * A compiler check could not be answered: the check program failed for a reason other than the thing checked (the
 * compiler or linker is broken, cannot be run, or its output cannot be read), or a {@code [properties]} override
 * has the wrong type. Carries the compiler, the failing command (empty when none ran) and what it wrote to stderr.
 */
public final class CheckException extends CrossException {

    private static final long serialVersionUID = 1L;

    private final transient Compiler compiler;
    private final List<String> command;
    private final String stderr;

    public CheckException(String message, Compiler compiler, List<String> command, String stderr, Throwable cause) {
        super(message, compiler.tool().name(), null, cause);
        this.compiler = Objects.requireNonNull(compiler, "compiler");
        this.command = List.copyOf(command);
        this.stderr = Objects.requireNonNull(stderr, "stderr");
    }

    public CheckException(String message, Compiler compiler, List<String> command, String stderr) {
        this(message, compiler, command, stderr, null);
    }

    /** The compiler whose checks failed. */
    public Compiler compiler() {
        return compiler;
    }

    /** The argv of the command that failed; empty when the problem was found without running anything. */
    public List<String> command() {
        return command;
    }

    /** What the failing command wrote to stderr; empty when none ran. */
    public String stderr() {
        return stderr;
    }
}
