package dev.crossbuild.nativebuild;

/** What a native target produces. */
public enum TargetKind {
    /** {@code libNAME.so} / {@code NAME.dll} / {@code libNAME.dylib}, position-independent objects. */
    SHARED_LIBRARY,
    /** {@code libNAME.a} (also on Windows with MinGW), archived with the target {@code ar}. */
    STATIC_LIBRARY,
    /** {@code NAME} / {@code NAME.exe}. */
    EXECUTABLE
}
