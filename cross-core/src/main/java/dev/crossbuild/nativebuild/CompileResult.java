package dev.crossbuild.nativebuild;

/** What a compile run did: {@code total} sources, {@code compiled} of them compiled, {@code upToDate} left alone. */
public record CompileResult(int total, int compiled, int upToDate) {

    /** {@code compiled 3 of 20 sources (17 up to date)}. */
    public String summary() {
        return "compiled " + compiled + " of " + total + " sources (" + upToDate + " up to date)";
    }
}
