package dev.crossbuild.toolchain;

import dev.crossbuild.exec.Command;
import dev.crossbuild.exec.HostEnvironment;
import dev.crossbuild.exec.ProcessResult;
import dev.crossbuild.exec.ProcessRunner;
import dev.crossbuild.io.Folders;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether ccache can write where it keeps its cache. ccache fails every compile it cannot store a result for
 * ({@code ccache: error: Failed to create directory ...}) where the bare compiler would have worked: in a container
 * whose home folder is read-only, or with {@code CCACHE_DIR} naming a path that cannot be a folder. Meson puts ccache
 * in front of its compilers without looking; setup looks first.
 *
 * <p>{@code ccache --show-config} names the folders and where each setting came from ({@code cache_dir} and
 * {@code temporary_dir}: from {@code CCACHE_DIR}, a configuration file, or the defaults under the home folder). Each
 * must be a folder this user may write, or be missing under one (ccache makes it). Nothing is created or written here.
 * A ccache that cannot say ({@code --show-config} fails, or prints no folder) is taken as usable, as before this check;
 * so is one configured not to store ({@code disable}, {@code read_only}).
 */
final class CcacheFolders {

    /**
     * What ccache derives its folders from besides its own CCACHE_* variables (ccache(1), "Configuration"): the
     * home, cache and configuration folders, and XDG_RUNTIME_DIR, whose {@code ccache-tmp} becomes the
     * {@code temporary_dir} when that folder exists.
     */
    private static final List<String> LOCATION_VARIABLES = List.of("HOME", "XDG_CACHE_HOME", "XDG_CONFIG_HOME",
            "XDG_RUNTIME_DIR");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    /** {@code (environment) cache_dir = /x}: the origin, the key, the value. */
    private static final Pattern SETTING = Pattern.compile("^\\((.*)\\) (\\S+) = (.*)$");
    private static final List<String> FOLDERS = List.of("cache_dir", "temporary_dir");
    private static final List<String> NOT_STORING = List.of("disable", "read_only", "read_only_direct");

    /** One line of {@code --show-config}: the value, and where ccache took it from. */
    private record Setting(String origin, String value) {
    }

    private CcacheFolders() {
    }

    /**
     * Why {@code ccache} could not store anything, naming the folder, the setting and its origin
     * ({@code cannot write its cache_dir /x (from the environment): a file is in the way}); empty when it can, or
     * when it cannot say.
     */
    static Optional<String> problem(ProcessRunner runner, HostEnvironment environment, String ccache) {
        Map<String, String> variables = new LinkedHashMap<>();
        environment.variables().forEach((name, value) -> {
            if (name.startsWith("CCACHE_") || LOCATION_VARIABLES.contains(name)) {
                variables.put(name, value);
            }
        });
        ProcessResult result;
        try {
            result = runner.run(Command.of(ccache, "--show-config").withEnvironment(variables).withTimeout(TIMEOUT));
        } catch (InterruptedIOException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // a ccache that cannot run cannot compile either: the compiles will say so
        }
        if (!result.succeeded()) {
            return Optional.empty();
        }
        Map<String, Setting> settings = new LinkedHashMap<>();
        for (String line : result.stdout().lines().toList()) {
            Matcher setting = SETTING.matcher(line.strip());
            if (setting.matches()) {
                settings.put(setting.group(2), new Setting(setting.group(1), setting.group(3).strip()));
            }
        }
        for (String key : NOT_STORING) {
            if (settings.containsKey(key) && settings.get(key).value().equals("true")) {
                return Optional.empty();
            }
        }
        for (String key : FOLDERS) {
            Setting setting = settings.get(key);
            if (setting == null || setting.value().isEmpty()) {
                continue;
            }
            Optional<String> why = unwritable(setting.value());
            if (why.isPresent()) {
                return Optional.of("cannot write its " + key + " " + setting.value() + " (" + origin(setting.origin())
                        + "): " + why.get());
            }
        }
        return Optional.empty();
    }

    /** Why {@code folder} cannot be written or made; empty when it can (or, relative, cannot be judged from here). */
    private static Optional<String> unwritable(String folder) {
        Path path;
        try {
            path = Path.of(folder).normalize();
        } catch (InvalidPathException e) {
            return Optional.of("not a path");
        }
        if (!path.isAbsolute()) {
            return Optional.empty();
        }
        Path blocker = Folders.inTheWay(path);
        if (blocker != null) {
            return Optional.of(blocker.equals(path) ? "it is " + Folders.kind(blocker) + ", not a folder"
                    : Folders.kind(blocker) + " is in the way (" + blocker + ")");
        }
        Path existing = Folders.nearestExisting(path);
        if (!Files.isWritable(existing)) {
            return Optional.of(existing.equals(path) ? "this user may not write in it"
                    : "it does not exist, and this user may not create it in " + existing);
        }
        return Optional.empty();
    }

    /** {@code environment} -> {@code from the environment}; a file's path -> {@code set in <file>}. */
    private static String origin(String origin) {
        return switch (origin) {
            case "default" -> "ccache's default";
            case "environment" -> "from the environment";
            default -> "set in " + origin;
        };
    }
}
