package dev.crossbuild.it.adder;

/** Java side of libadder.so (src/main/c/adder.c). */
public final class Adder {

    static {
        System.loadLibrary("adder");   // from java.library.path, which cross:setup appends to argLine
    }

    private Adder() {
    }

    public static native int add(int a, int b);

    /** The machine the C compiler targeted: "aarch64" for this IT. */
    public static native String compiledFor();
}
