package dev.crossbuild.toolchain;

import java.util.List;
import java.util.Objects;

/** A compiler found and identified for one language: the tool to run (launcher included) and what it said it is. */
public record Compiler(Language language, Tool tool, CompilerId id) {

    public Compiler {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(id, "id");
    }

    /** The argv to compile with: the tool's argv, a launcher such as {@code ccache} included. */
    public List<String> argv() {
        return tool.argv();
    }

    /** The argv without a leading compiler launcher: for probes, which a cache would only slow down or confuse. */
    public List<String> argvWithoutLauncher() {
        return Launchers.withoutLauncher(tool.argv());
    }

    /** {@code /usr/bin/aarch64-linux-gnu-gcc (gcc 12.2.0, aarch64-linux-gnu)}. */
    public String describe() {
        return tool.commandLine() + " (" + id + ")";
    }
}
