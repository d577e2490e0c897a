package dev.crossbuild.nativebuild;

import dev.crossbuild.error.CrossException;
import java.nio.file.Path;
import java.util.List;

/**
 * Compiling failed. Either the compiler rejected sources ({@link #failures()}: each with the compiler's own output,
 * {@code file:line:col} diagnostics intact, which the message repeats verbatim), or compiling could not start for a
 * reason the user can fix (no compiler for a language the sources need, the JNI headers cannot be made); then
 * {@code failures()} is empty.
 */
public final class CompileException extends CrossException {

    private static final long serialVersionUID = 1L;

    private final transient List<CompileFailure> failures;

    /** @param value the target or source the problem is about */
    CompileException(String message, String value) {
        this(message, value, List.of(), null);
    }

    CompileException(String message, String value, Throwable cause) {
        this(message, value, List.of(), cause);
    }

    private CompileException(String message, String value, List<CompileFailure> failures, Throwable cause) {
        super(message, value, null, cause);
        this.failures = List.copyOf(failures);
    }

    /** The message lists every failed source, relative to {@code projectDirectory}, with the compiler's output. */
    static CompileException of(List<CompileFailure> failures, int attempted, Path projectDirectory) {
        StringBuilder message = new StringBuilder();
        message.append(failures.size() == 1 ? "1 source" : failures.size() + " sources")
                .append(" of ").append(attempted).append(" failed to compile");
        for (CompileFailure failure : failures) {
            message.append("\n").append(NativeCompiler.display(failure.source(), projectDirectory)).append(": ")
                    .append(program(failure.argv()))
                    .append(failure.timedOut() ? " timed out" : " exited with " + failure.exitCode());
            String output = failure.output().stripTrailing();
            message.append(output.isEmpty() ? "" : ":\n" + output);
        }
        return new CompileException(message.toString(),
                NativeCompiler.display(failures.get(0).source(), projectDirectory), failures, null);
    }

    /** The sources the compiler rejected; empty when compiling could not start. */
    public List<CompileFailure> failures() {
        return failures;
    }

    private static String program(List<String> argv) {
        String first = argv.isEmpty() ? "compiler" : argv.get(0);
        for (String element : argv) {
            // Name the compiler, not a ccache in front of it.
            String name = element.substring(Math.max(element.lastIndexOf('/'), element.lastIndexOf('\\')) + 1);
            if (!name.equals("ccache") && !name.equals("sccache") && !name.equals("distcc") && !name.equals("icecc")) {
                return name;
            }
        }
        return first;
    }
}
