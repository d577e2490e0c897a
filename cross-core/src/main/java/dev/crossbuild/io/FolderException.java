package dev.crossbuild.io;

import dev.crossbuild.error.CrossException;
import java.nio.file.Path;

/**
 * A folder cross writes into cannot be made: a file is where it (or a folder above it) must be, or there is no
 * permission to create it. The message names what is in the way and what to do; {@link #value()} is that path.
 */
public final class FolderException extends CrossException {

    private static final long serialVersionUID = 1L;

    FolderException(Path inTheWay, String message, String remedy, Throwable cause) {
        super(message + "; " + remedy, inTheWay.toString(), remedy, cause);
    }
}
