package dev.crossbuild.it.multi;

import dev.crossbuild.runtime.NativeLoader;

/** Loads the natives of the running platform from the jar with cross-runtime, no java.library.path. */
public final class Demo {

    static {
        NativeLoader.load("demo");
    }

    private Demo() {
    }

    static native int add(int a, int b);

    static native String machine();

    public static void main(String[] args) {
        System.out.println("demo: add(40, 2)=" + add(40, 2) + " compiled for " + machine() + ", classifier "
                + NativeLoader.classifier());
    }
}
