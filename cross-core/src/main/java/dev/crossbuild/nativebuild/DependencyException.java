package dev.crossbuild.nativebuild;

import dev.crossbuild.error.CrossException;
import java.util.List;
import java.util.Optional;

/**
 * A pkg-config dependency of the host machine cannot be resolved: no pkg-config for the host machine, or a package it
 * does not find. Carries the packages concerned, the pkg-config command that was (or would have been) run, and the
 * remedy, which the message ends with.
 */
public final class DependencyException extends CrossException {

    private static final long serialVersionUID = 1L;

    private final List<String> packages;
    private final List<String> command;

    DependencyException(String problem, List<String> packages, List<String> command, Optional<String> remedy) {
        super(problem + remedy.map(r -> "\n" + r).orElse(""), String.join(", ", packages), remedy.orElse(null));
        this.packages = List.copyOf(packages);
        this.command = List.copyOf(command);
    }

    /** The pkg-config names that could not be resolved. */
    public List<String> packages() {
        return packages;
    }

    /** The command, with the environment variables it ran with first ({@code PKG_CONFIG_LIBDIR=...}). */
    public List<String> command() {
        return command;
    }
}
