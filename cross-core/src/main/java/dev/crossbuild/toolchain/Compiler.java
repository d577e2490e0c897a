package dev.crossbuild.toolchain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A compiler found and identified for one language: the tool to run and what it said it is. The tool's argv may start
 * with launchers (a compiler cache, a compile distributor, or a cache then a distributor); only compiles go through
 * them: probes, compiler checks and links run {@link #argvWithoutLauncher()}.
 */
public record Compiler(Language language, Tool tool, CompilerId id) {

    /** The variable through which ccache hands the compiles it cannot answer to a distributor (ccache's manual). */
    public static final String CCACHE_PREFIX = "CCACHE_PREFIX";

    public Compiler {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(id, "id");
    }

    /**
     * The argv to compile with, launchers included. A cache followed by a distributor is the cache alone: ccache runs
     * the distributor named in {@link #environment()} for each miss, so a hit never reaches the compile farm.
     */
    public List<String> argv() {
        List<String> launcher = launcher();
        if (launcher.size() == 2) {
            List<String> argv = new ArrayList<>(tool.argv());
            argv.remove(1);
            return List.copyOf(argv);
        }
        return tool.argv();
    }

    /** The variables a compile needs on top of the inherited environment: {@code CCACHE_PREFIX} for ccache + distcc. */
    public Map<String, String> environment() {
        List<String> launcher = launcher();
        return launcher.size() == 2 ? Map.of(CCACHE_PREFIX, launcher.get(1)) : Map.of();
    }

    /** The launchers before the compiler, in order (none, a cache, a distributor, or a cache then a distributor). */
    public List<String> launcher() {
        return tool.argv().subList(0, Launchers.launcherLength(tool.argv()));
    }

    /** The argv without the launchers: for probes, checks and links, which a cache would only slow down or confuse. */
    public List<String> argvWithoutLauncher() {
        return Launchers.withoutLauncher(tool.argv());
    }

    /** This compiler run through {@code launcher} (absolute paths, a cache before a distributor) instead of its own. */
    public Compiler withLauncher(List<String> launcher) {
        List<String> argv = new ArrayList<>(launcher);
        argv.addAll(argvWithoutLauncher());
        if (Launchers.launcherLength(argv) != launcher.size()) {
            throw new IllegalArgumentException("not a compiler launcher (a cache, then a distributor): " + launcher);
        }
        return new Compiler(language, new Tool(tool.name(), argv, tool.origin()), id);
    }

    /** {@code /usr/bin/aarch64-linux-gnu-gcc (gcc 12.2.0, aarch64-linux-gnu)}. */
    public String describe() {
        return tool.commandLine() + " (" + id + ")";
    }
}
