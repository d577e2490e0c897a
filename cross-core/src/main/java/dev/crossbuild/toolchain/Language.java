package dev.crossbuild.toolchain;

/** The languages cross compiles, with their Meson {@code [binaries]} key and the name shown to users. */
public enum Language {
    C("c", "C"),
    CPP("cpp", "C++");

    private final String binaryKey;
    private final String displayName;

    Language(String binaryKey, String displayName) {
        this.binaryKey = binaryKey;
        this.displayName = displayName;
    }

    /** The key of this language's compiler in {@code [binaries]}: {@code c}, {@code cpp}. */
    public String binaryKey() {
        return binaryKey;
    }

    /** {@code C}, {@code C++}. */
    public String displayName() {
        return displayName;
    }
}
