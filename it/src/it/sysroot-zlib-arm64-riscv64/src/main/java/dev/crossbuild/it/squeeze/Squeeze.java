package dev.crossbuild.it.squeeze;

/** The Java side of the JNI library {@code squeeze} (src/main/c/squeeze.c): zlib's compress and uncompress. */
public final class Squeeze {

    private Squeeze() {
    }

    /** {@code data} compressed with zlib. */
    public static native byte[] compress(byte[] data);

    /** {@code data} uncompressed; {@code length} is the original length. */
    public static native byte[] uncompress(byte[] data, int length);

    /** The version of the zlib the library runs with. */
    public static native String zlibVersion();
}
