package dev.crossbuild.nativebuild;

/** What a native target produces. */
public enum TargetKind {
    /** {@code libNAME.so} / {@code NAME.dll} / {@code libNAME.dylib}, position-independent objects. */
    SHARED_LIBRARY,
    /** {@code libNAME.a} (also on Windows with MinGW), archived with the target {@code ar}. */
    STATIC_LIBRARY,
    /**
     * Meson's {@code both_libraries}: the shared and the static library, both made from one set of
     * position-independent objects (each source compiled once). Targets linking it link the shared one.
     */
    BOTH_LIBRARIES,
    /** {@code NAME} / {@code NAME.exe}. */
    EXECUTABLE;

    /** The files this kind makes, one per kind: {@link #BOTH_LIBRARIES} makes a shared and a static library. */
    public java.util.List<TargetKind> outputs() {
        return this == BOTH_LIBRARIES ? java.util.List.of(SHARED_LIBRARY, STATIC_LIBRARY) : java.util.List.of(this);
    }

    /** The library a target linking this one links: the shared one of {@link #BOTH_LIBRARIES}. */
    public TargetKind linked() {
        return this == BOTH_LIBRARIES ? SHARED_LIBRARY : this;
    }
}
