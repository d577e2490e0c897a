package dev.crossbuild.nativebuild;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One finished, verified output: the library or executable, its split debug information when it was stripped, and
 * its entry of {@code outputs.json} ({@code target}, {@code kind}, {@code file}, {@code size}, {@code sha256},
 * {@code stripped}, {@code debug_file}, {@code import_library}, {@code aliases}, and the {@code binary} facts
 * verification read). {@code runtimeName} is the name the file has in the jars and their index: the SONAME of a
 * versioned ELF library ({@code libz.so.1}, what everything linked against it asks for), else the file's name.
 */
public record LinkedOutput(NativeTarget target, Path file, Optional<Path> debugFile, Map<String, Object> facts,
                           String runtimeName) {

    public LinkedOutput {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(debugFile, "debugFile");
        facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
        Objects.requireNonNull(runtimeName, "runtimeName");
    }

    /** An output known by its own file name. */
    public LinkedOutput(NativeTarget target, Path file, Optional<Path> debugFile, Map<String, Object> facts) {
        this(target, file, debugFile, facts, file.getFileName().toString());
    }
}
