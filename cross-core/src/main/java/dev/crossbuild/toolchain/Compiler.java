package dev.crossbuild.toolchain;

import java.util.Objects;

/** A compiler for one language: how to run it and what it identified itself as. */
public record Compiler(Language language, Tool tool, CompilerId id) {

    public Compiler {
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(id, "id");
    }
}
