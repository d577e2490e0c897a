package dev.crossbuild.jni;

/** The host machine's system has no Java runtime that loads JNI libraries, so there is no {@code jni_md.h} for it. */
public final class NoJniException extends JniException {

    private static final long serialVersionUID = 1L;

    private final String system;

    public NoJniException(String system, String reason) {
        super("Cannot compile JNI code for host system '" + system + "': " + reason + ". Turn JNI off for this"
                + " library, or build for a system with a Java runtime (" + String.join(", ", JniHeaders.systems())
                + ").", system, null);
        this.system = system;
    }

    /** The host machine's system, as Meson names it. */
    public String system() {
        return system;
    }
}
