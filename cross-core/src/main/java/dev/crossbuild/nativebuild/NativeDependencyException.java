package dev.crossbuild.nativebuild;

import dev.crossbuild.error.CrossException;

/**
 * A native dependency between modules ({@code <nativeDependencies>}, {@code <publicHeaders>}) cannot be provided: no
 * development artifact for the classifier (the message lists those that exist, and where it looked), a damaged one,
 * two dependencies in one folder, a library name the consumer has too. The message ends with the remedy.
 */
public final class NativeDependencyException extends CrossException {

    private static final long serialVersionUID = 1L;

    /**
     * @param value the dependency's coordinates, or the file or parameter concerned
     * @param remedy what fixes it; appended to the message
     */
    public NativeDependencyException(String problem, String value, String remedy) {
        super(problem + (remedy == null ? "" : "\n" + remedy), value, remedy);
    }
}
