package dev.crossbuild.crossfile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code [binaries]} of one machine: program name to argv (program first, then the arguments always passed
 * to it), in the order the file lists them. A string entry is one argv element, never split on spaces.
 */
public record BinaryTable(Map<String, List<String>> entries) {

    public static final String EXE_WRAPPER = "exe_wrapper";
    public static final String PKG_CONFIG = "pkg-config";
    /** Meson 1.0.1's spelling of {@link #PKG_CONFIG}; newer Meson treats it as a deprecated alias. */
    public static final String PKGCONFIG_OLD = "pkgconfig";

    public BinaryTable {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        entries.forEach((name, argv) -> copy.put(name, List.copyOf(argv)));
        entries = Collections.unmodifiableMap(copy);
    }

    public static BinaryTable empty() {
        return new BinaryTable(Map.of());
    }

    /**
     * The argv for {@code name}, or empty when the entry is absent or counts as "not set" for Meson (an empty
     * list, or a blank program). {@code pkg-config} and {@code pkgconfig} stand in for each other.
     */
    public Optional<List<String>> argv(String name) {
        List<String> argv = entries.get(name);
        if (argv == null && PKG_CONFIG.equals(name)) {
            argv = entries.get(PKGCONFIG_OLD);
        } else if (argv == null && PKGCONFIG_OLD.equals(name)) {
            argv = entries.get(PKG_CONFIG);
        }
        if (argv == null || argv.isEmpty() || argv.get(0).isBlank()) {
            return Optional.empty();
        }
        return Optional.of(argv);
    }

    /** The command prefix that runs host binaries here; {@code exe_wrapper = []} means none. */
    public Optional<List<String>> exeWrapper() {
        return argv(EXE_WRAPPER);
    }
}
