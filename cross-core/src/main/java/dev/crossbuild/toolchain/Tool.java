package dev.crossbuild.toolchain;

import java.util.List;
import java.util.Objects;

/**
 * A resolved tool: {@code argv[0]} is an absolute path where the configuration gave a bare name (a launcher such as
 * ccache stays first and the compiler follows it); {@code origin} says where it came from, e.g.
 * {@code linux-arm64.ini:4 [binaries] c} or {@code convention: aarch64-linux-gnu-gcc}.
 */
public record Tool(String name, List<String> argv, String origin) {

    public Tool {
        Objects.requireNonNull(name, "name");
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("a tool needs at least its program: " + name);
        }
        Objects.requireNonNull(origin, "origin");
    }
}
