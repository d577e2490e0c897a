package dev.crossbuild.nativebuild;

import java.nio.file.Path;

/** {@code setup.json} cannot be used: missing, damaged, or the toolchain it records is not ready. */
public final class SetupStateException extends Exception {

    private final Path file;

    SetupStateException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
