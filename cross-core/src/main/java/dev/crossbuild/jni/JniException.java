package dev.crossbuild.jni;

import dev.crossbuild.error.CrossException;
/** JNI code cannot be prepared: no JDK headers, no JNI on the host system, or unreadable classes. */
public abstract class JniException extends CrossException {

    private static final long serialVersionUID = 1L;

    JniException(String message, String value, String remedy) {
        super(message, value, remedy);
    }
}
