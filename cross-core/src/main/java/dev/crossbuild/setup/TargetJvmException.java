package dev.crossbuild.setup;

import java.nio.file.Path;

/**
 * {@code targetJava} cannot be used: the path does not exist, holds no {@code bin/java}, is a JVM for another
 * machine, or host binaries cannot run here at all. The message names the path, what was expected and the remedy.
 */
public final class TargetJvmException extends Exception {

    private final Path targetJava;

    public TargetJvmException(Path targetJava, String message) {
        super(message);
        this.targetJava = targetJava;
    }

    /** The {@code targetJava} path as given. */
    public Path targetJava() {
        return targetJava;
    }
}
