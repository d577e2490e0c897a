package dev.crossbuild.toolchain;

import java.util.List;
import java.util.Objects;

/**
 * A resolved program with the arguments always passed to it. {@code argv[0]} is an absolute path (a bare name from
 * a machine file or a convention was looked up on PATH); a compiler launcher such as {@code ccache} stays first and
 * the compiler follows it. {@code name} is the {@code [binaries]} key it stands for ({@code c}, {@code ar},
 * {@code strip}); {@code origin} says where it came from, e.g. {@code linux-arm64.ini:15 [binaries] c} or
 * {@code convention: aarch64-linux-gnu-gcc}.
 */
public record Tool(String name, List<String> argv, String origin) {

    public Tool {
        Objects.requireNonNull(name, "name");
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("a tool needs at least its program");
        }
        Objects.requireNonNull(origin, "origin");
    }

    /** {@code argv[0]}: the program that is started. */
    public String program() {
        return argv.get(0);
    }

    /** The argv joined with spaces, for messages only (never to be run through a shell). */
    public String commandLine() {
        return String.join(" ", argv);
    }
}
