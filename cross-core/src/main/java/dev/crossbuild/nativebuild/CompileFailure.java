package dev.crossbuild.nativebuild;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * One source the compiler rejected: the source, the command as run, how it ended, and everything the compiler wrote
 * (stderr, then stdout), verbatim, so {@code file:line:col: error: ...} diagnostics reach the user intact.
 */
public record CompileFailure(Path source, List<String> argv, int exitCode, boolean timedOut, String output) {

    public CompileFailure {
        Objects.requireNonNull(source, "source");
        argv = List.copyOf(argv);
        Objects.requireNonNull(output, "output");
    }
}
