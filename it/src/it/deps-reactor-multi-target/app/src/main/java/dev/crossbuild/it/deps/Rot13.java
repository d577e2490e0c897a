package dev.crossbuild.it.deps;

import dev.crossbuild.runtime.NativeLoader;

/** codecjni from the main jar with cross-runtime: the loader loads codec's library first (the index's needs). */
public final class Rot13 {

    static {
        NativeLoader.load("codecjni");
    }

    private Rot13() {
    }

    static native String rot13(String text);

    static native String machine();

    public static void main(String[] args) {
        System.out.println("rot13(Hello)=" + rot13("Hello") + " on " + machine() + ", classifier "
                + NativeLoader.classifier());
    }
}
