package dev.crossbuild.runtime;

/** Calls {@link NativeLoader#load(String)}; {@link CallerClassLoaderTest} defines it in a class loader of its own. */
public final class LoadCaller {

    private LoadCaller() {
    }

    public static void load(String name) {
        NativeLoader.load(name);
    }
}
