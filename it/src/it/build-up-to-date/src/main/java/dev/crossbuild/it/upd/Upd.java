package dev.crossbuild.it.upd;

/** The Java side of libupd (src/main/c/jni.c). */
public final class Upd {

    private Upd() {
    }

    public static native int answer();
}
