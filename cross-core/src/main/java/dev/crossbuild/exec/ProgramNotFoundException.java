package dev.crossbuild.exec;

import java.io.IOException;

/** The program of a {@link Command} does not exist: not on PATH, or not at the path given. */
public final class ProgramNotFoundException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String program;

    public ProgramNotFoundException(String program, Throwable cause) {
        super(message(program), cause);
        this.program = program;
    }

    private static String message(String program) {
        return isPath(program)
                ? "Cannot run " + program + ": the file does not exist."
                : "Cannot run " + program + ": it was not found on PATH.";
    }

    private static boolean isPath(String program) {
        return program.indexOf('/') >= 0 || program.indexOf('\\') >= 0;
    }

    /** The program as the command named it. */
    public String program() {
        return program;
    }
}
