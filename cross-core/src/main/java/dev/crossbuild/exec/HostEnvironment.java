package dev.crossbuild.exec;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the running process sees of its surroundings: environment variables, system properties, working directory.
 * {@link #system()} is the only place in cross-core that reads them; everything else takes a
 * {@code HostEnvironment}, so tests pass {@link #of} with exactly the values they need.
 */
public interface HostEnvironment {

    Optional<String> variable(String name);

    Optional<String> property(String name);

    /** Directory relative paths are resolved against. */
    Path workingDirectory();

    /** Every environment variable, sorted by name: what a goal's up-to-date stamp is keyed on. */
    SortedMap<String, String> variables();

    /** Every system property, sorted by name. */
    SortedMap<String, String> properties();

    /**
     * This machine's name, for the lock files that tell another build who holds an output folder:
     * {@code HOSTNAME} or {@code COMPUTERNAME}; {@link #system()} asks the system when neither is set.
     */
    default String hostName() {
        return variable("HOSTNAME").or(() -> variable("COMPUTERNAME")).orElse("localhost");
    }

    /**
     * The user's cache folder for cross ({@code $XDG_CACHE_HOME/cross}, else {@code ~/.cache/cross}), shared by every
     * project of the user: private sysroots, remembered toolchains. Everything in it may be deleted at any time.
     */
    default Path userCacheFolder() {
        Path base = variable("XDG_CACHE_HOME").filter(v -> !v.isBlank()).map(Path::of).filter(Path::isAbsolute)
                .orElseGet(() -> property("user.home").map(home -> Path.of(home, ".cache"))
                        .orElseGet(() -> workingDirectory().resolve(".cache")));
        return base.resolve("cross");
    }

    /** The environment of the running JVM. */
    static HostEnvironment system() {
        return SystemHostEnvironment.INSTANCE;
    }

    /** A fixed environment, for tests and for callers that compute one. */
    static HostEnvironment of(Map<String, String> variables, Map<String, String> properties, Path workingDirectory) {
        Map<String, String> vars = Map.copyOf(variables);
        Map<String, String> props = Map.copyOf(properties);
        Path cwd = workingDirectory.toAbsolutePath();
        return new HostEnvironment() {
            @Override
            public Optional<String> variable(String name) {
                return Optional.ofNullable(vars.get(name));
            }

            @Override
            public Optional<String> property(String name) {
                return Optional.ofNullable(props.get(name));
            }

            @Override
            public Path workingDirectory() {
                return cwd;
            }

            @Override
            public SortedMap<String, String> variables() {
                return Collections.unmodifiableSortedMap(new TreeMap<>(vars));
            }

            @Override
            public SortedMap<String, String> properties() {
                return Collections.unmodifiableSortedMap(new TreeMap<>(props));
            }
        };
    }
}
