package dev.crossbuild.io;

import dev.crossbuild.error.CrossException;

/** Another build kept an output folder locked longer than this one would wait; the message names that build. */
public final class FolderLockedException extends CrossException {

    private static final long serialVersionUID = 1L;

    FolderLockedException(String folder, String message, String remedy) {
        super(message + "; " + remedy, folder, remedy);
    }
}
