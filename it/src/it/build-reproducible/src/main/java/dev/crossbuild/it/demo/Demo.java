package dev.crossbuild.it.demo;

/** The Java side of the JNI library {@code demo} (src/main/c/demo.c). */
public final class Demo {

    private Demo() {
    }

    /** {@code a + b}, computed in C. */
    public static native int add(int a, int b);

    /** The CPU family the library was compiled for, in Meson's names ({@code aarch64}, {@code arm}, ...). */
    public static native String cpuFamily();
}
