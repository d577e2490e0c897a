package dev.crossbuild.binary;

import dev.crossbuild.error.CrossException;
/**
 * A file that cannot be read as the binary it should be: unreadable, truncated, or with a header field that
 * points outside the file. Every reader in this package throws only this for bad input, never an index or
 * buffer exception. The message reads {@code file: problem}.
 */
public final class BinaryFormatException extends CrossException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final String problem;

    public BinaryFormatException(String file, String problem) {
        super(file + ": " + problem, file, null);
        this.file = file;
        this.problem = problem;
    }

    /** The file as named by the caller (usually the path as given). */
    public String file() {
        return file;
    }

    /** The message without the {@code file: } prefix. */
    public String problem() {
        return problem;
    }
}
