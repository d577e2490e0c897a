package dev.crossbuild.it.calc;

/** The Java side of libcalc (src/main/c/jni.c). */
public final class Calc {

    private Calc() {
    }

    public static native int add(int a, int b);
}
