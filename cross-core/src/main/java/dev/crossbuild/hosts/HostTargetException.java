package dev.crossbuild.hosts;

import dev.crossbuild.error.CrossException;

/** A {@code cross.targets} entry or a classifier that cannot be used, or two targets that would share a classifier. */
public final class HostTargetException extends CrossException {

    private static final long serialVersionUID = 1L;

    public HostTargetException(String value, String message) {
        super(message, value, null);
    }
}
