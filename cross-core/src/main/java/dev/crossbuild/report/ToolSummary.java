package dev.crossbuild.report;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One confirmed tool of the host toolchain: its {@code [binaries]} name ({@code c}, {@code cpp}, {@code ar},
 * {@code strip} ...), the argv setup resolved, where it came from, and for compilers the id, version, target
 * triple and sysroot the compiler reported.
 */
public record ToolSummary(String name, List<String> argv, String origin, Optional<String> id, Optional<String> version,
                          Optional<String> triple, Optional<String> sysroot) {

    public ToolSummary {
        Objects.requireNonNull(name, "name");
        argv = List.copyOf(argv);
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(triple, "triple");
        Objects.requireNonNull(sysroot, "sysroot");
    }

    public boolean isCompiler() {
        return id.isPresent();
    }
}
