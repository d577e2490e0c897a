package dev.crossbuild.jni;

/** JNI code cannot be prepared: no JDK headers, no JNI on the host system, or unreadable classes. */
public class JniException extends Exception {

    private static final long serialVersionUID = 1L;

    JniException(String message) {
        super(message);
    }
}
