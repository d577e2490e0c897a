package dev.crossbuild.examples.hello;

/** The Java side of the example JNI library; the natives are in {@code src/main/c/hello.c}. */
public final class Hello {

    private Hello() {
    }

    /** Returns {@code a + b}, computed in C. */
    public static native int add(int a, int b);

    /** Returns {@code "hello, <who>"} built in C; {@code who} must not be null. */
    public static native String greet(String who);

    /** Loads {@code libhello} from {@code java.library.path} and calls both natives. */
    public static void main(String[] args) {
        System.loadLibrary("hello");
        System.out.println(greet(args.length > 0 ? args[0] : "JNI") + ", add(40, 2) = " + add(40, 2)
                + ", os.arch = " + System.getProperty("os.arch"));
    }
}
