package dev.crossbuild.jni;

/** Two classes map to the same header file name ({@code a.B_C} and {@code a.B$C} both need {@code a_B_C.h}). */
public final class HeaderCollisionException extends JniException {

    private static final long serialVersionUID = 1L;

    private final String fileName;
    private final String first;
    private final String second;

    public HeaderCollisionException(String fileName, String first, String second) {
        super("Classes " + first + " and " + second + " both need the JNI header " + fileName
                + " (javac -h fails on them too). Rename one of them.", fileName, "Rename one of them.");
        this.fileName = fileName;
        this.first = first;
        this.second = second;
    }

    public String fileName() {
        return fileName;
    }

    /** The two classes, as binary names with dots. */
    public String first() {
        return first;
    }

    public String second() {
        return second;
    }
}
