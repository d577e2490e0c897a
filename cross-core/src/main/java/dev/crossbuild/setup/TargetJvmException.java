package dev.crossbuild.setup;

import dev.crossbuild.error.CrossException;
import java.nio.file.Path;

/**
 * {@code targetJava} cannot be used: the path does not exist, holds no {@code bin/java}, is a JVM for another
 * machine, or host binaries cannot run here at all. The message names the path, what was expected and the remedy.
 */
public final class TargetJvmException extends CrossException {

    private static final long serialVersionUID = 1L;

    private final transient Path targetJava;

    public TargetJvmException(Path targetJava, String message) {
        super(message, String.valueOf(targetJava), null);
        this.targetJava = targetJava;
    }

    /** The {@code targetJava} path as given. */
    public Path targetJava() {
        return targetJava;
    }
}
