package dev.crossbuild.exec;

import java.nio.file.Path;
import java.util.Optional;

/** The one class in cross-core that reads {@link System#getenv} and {@link System#getProperty}. */
final class SystemHostEnvironment implements HostEnvironment {

    static final SystemHostEnvironment INSTANCE = new SystemHostEnvironment();

    private SystemHostEnvironment() {
    }

    @Override
    public Optional<String> variable(String name) {
        return Optional.ofNullable(System.getenv(name));
    }

    @Override
    public Optional<String> property(String name) {
        return Optional.ofNullable(System.getProperty(name));
    }

    @Override
    public Path workingDirectory() {
        return Path.of(System.getProperty("user.dir")).toAbsolutePath();
    }
}
