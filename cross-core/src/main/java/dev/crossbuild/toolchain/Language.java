package dev.crossbuild.toolchain;

/** The languages cross compiles, each with its Meson {@code [binaries]} key. */
public enum Language {
    C("c", "C", "c"),
    CPP("cpp", "C++", "cpp");

    private final String binaryKey;
    private final String displayName;
    private final String sourceSuffix;

    Language(String binaryKey, String displayName, String sourceSuffix) {
        this.binaryKey = binaryKey;
        this.displayName = displayName;
        this.sourceSuffix = sourceSuffix;
    }

    /** The key of the compiler in {@code [binaries]}, and the prefix of its options ({@code c_args}). */
    public String binaryKey() {
        return binaryKey;
    }

    /**
     * The {@code [properties]} key of a custom standard library for this language, Meson's {@code c_stdlib} /
     * {@code cpp_stdlib} ({@code CrossProperties.standardLibrary} reads it).
     */
    public String standardLibraryKey() {
        return binaryKey + "_stdlib";
    }

    /** {@code C}, {@code C++}: for messages. */
    public String displayName() {
        return displayName;
    }

    /** File suffix of a source file of this language, without the dot. */
    public String sourceSuffix() {
        return sourceSuffix;
    }
}
