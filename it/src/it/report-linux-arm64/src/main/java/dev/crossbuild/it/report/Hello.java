package dev.crossbuild.it.report;

/** The Java side of the JNI library. */
public final class Hello {

    private Hello() {
    }

    /** The length in bytes of {@code text} in modified UTF-8, computed in C. */
    public static native int length(String text);
}
