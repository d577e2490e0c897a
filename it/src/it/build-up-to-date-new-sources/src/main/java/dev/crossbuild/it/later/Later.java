package dev.crossbuild.it.later;

/** Its native side appears in a later build (verify.groovy writes src/main/c/later.c). */
public final class Later {

    private Later() {
    }

    public static native int answer();
}
