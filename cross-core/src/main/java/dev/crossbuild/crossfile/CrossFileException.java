package dev.crossbuild.crossfile;

import dev.crossbuild.error.CrossException;
import java.util.Optional;

/**
 * A machine file that cannot be used. Carries the file (a path, or {@code preset:<name>} for a bundled preset),
 * the 1-based line (0 when the problem is not tied to a line), and the key when there is one. The message reads
 * {@code file:line: what was expected, what was found} (without {@code :line} when the line is 0).
 */
public final class CrossFileException extends CrossException {

    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String key;
    private final String problem;

    public CrossFileException(String file, int line, String key, String problem) {
        super(format(file, line, MachineFileLimits.shorten(problem)), key != null ? key : file != null ? file : "",
                null);
        this.file = file;
        this.line = line;
        this.key = key;
        this.problem = MachineFileLimits.shorten(problem);
    }

    /** A problem with a whole file (not found, unreadable, wrong encoding). */
    public static CrossFileException ofFile(String file, String problem) {
        return new CrossFileException(file, 0, null, problem);
    }

    public Optional<String> file() {
        return Optional.ofNullable(file);
    }

    /** 1-based line, or 0 when the problem concerns no single line. */
    public int line() {
        return line;
    }

    public Optional<String> key() {
        return Optional.ofNullable(key);
    }

    /** The message without the {@code file:line: } prefix. */
    public String problem() {
        return problem;
    }

    private static String format(String file, int line, String problem) {
        if (file == null) {
            return problem;
        }
        return line > 0 ? file + ":" + line + ": " + problem : file + ": " + problem;
    }
}
