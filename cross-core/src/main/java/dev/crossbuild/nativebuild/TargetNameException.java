package dev.crossbuild.nativebuild;

import dev.crossbuild.error.CrossException;

/**
 * Two targets of a module clash: two libraries or two executables with one name, two outputs with one file name, or
 * two targets whose generators would write into one folder. Found by setup, before anything is built; the message
 * names both POM elements and what to change.
 */
public final class TargetNameException extends CrossException {

    private static final long serialVersionUID = 1L;

    TargetNameException(String name, String message) {
        super(message, name, null);
    }
}
