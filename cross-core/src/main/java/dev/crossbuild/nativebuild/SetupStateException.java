package dev.crossbuild.nativebuild;

import dev.crossbuild.error.CrossException;
import java.nio.file.Path;

/** {@code setup.json} cannot be used: missing, damaged, or the toolchain it records is not ready. */
public final class SetupStateException extends CrossException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;

    SetupStateException(Path file, String problem) {
        super(file + ": " + problem, file.toString(), null);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
