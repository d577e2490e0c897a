package dev.crossbuild.it.calc;

/** The Java side of libcalc (src/main/c/jni.c); verify.groovy adds a native method to it in one of its builds. */
public final class Calc {

    private Calc() {
    }

    public static native int add(int a, int b);
}
