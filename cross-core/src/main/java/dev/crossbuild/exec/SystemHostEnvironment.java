package dev.crossbuild.exec;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

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

    @Override
    public SortedMap<String, String> variables() {
        return Collections.unmodifiableSortedMap(new TreeMap<>(System.getenv()));
    }

    @Override
    public SortedMap<String, String> properties() {
        TreeMap<String, String> properties = new TreeMap<>();
        for (String name : System.getProperties().stringPropertyNames()) {
            properties.put(name, System.getProperty(name));
        }
        return Collections.unmodifiableSortedMap(properties);
    }

    @Override
    public String hostName() {
        return HostName.VALUE;
    }

    /** Looked up once: the kernel's name on Linux (no name service involved), else the JDK's lookup. */
    private static final class HostName {
        static final String VALUE = lookUp();

        private static String lookUp() {
            Optional<String> named = INSTANCE.variable("HOSTNAME").or(() -> INSTANCE.variable("COMPUTERNAME"));
            if (named.isPresent()) {
                return named.get();
            }
            try {
                String kernel = Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.UTF_8).strip();
                if (!kernel.isEmpty()) {
                    return kernel;
                }
            } catch (IOException | RuntimeException e) {
                // not Linux
            }
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (IOException | RuntimeException e) {
                return "localhost";
            }
        }
    }
}
