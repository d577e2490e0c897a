package dev.crossbuild.nativetest;

import dev.crossbuild.error.CrossException;
/**
 * The native tests cannot be built or run for a reason the user can fix: a test program whose name cannot be a
 * target name, two programs or a program and a library with the same name, a project library that was not linked,
 * an {@code exe_wrapper} that is not installed. The message says what was found and the remedy.
 */
public final class NativeTestException extends CrossException {

    private static final long serialVersionUID = 1L;

    public NativeTestException(String message, String value) {
        super(message, value, null);
    }
}
