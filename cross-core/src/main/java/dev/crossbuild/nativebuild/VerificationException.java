package dev.crossbuild.nativebuild;

import dev.crossbuild.error.CrossException;
import java.nio.file.Path;
import java.util.List;

/**
 * A linked output is not for the host machine (or cannot be read as a binary at all). The message names the file,
 * what the host machine expects and what the file is; the output was not kept.
 */
public final class VerificationException extends CrossException {

    private static final long serialVersionUID = 1L;

    private final Path file;
    private final List<String> problems;

    VerificationException(Path file, List<String> problems, String remedy) {
        super(String.join("\n", problems) + "\n" + remedy, file.toString(), remedy);
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    /** The output as it would have been named (its final path). */
    public Path file() {
        return file;
    }

    /** One line per root cause, each naming the file, the expected and the found value. */
    public List<String> problems() {
        return problems;
    }
}
