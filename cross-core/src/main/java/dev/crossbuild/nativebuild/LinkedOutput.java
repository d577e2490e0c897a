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
 * {@code stripped}, {@code debug_file}, {@code import_library}, and the {@code binary} facts verification read).
 */
public record LinkedOutput(NativeTarget target, Path file, Optional<Path> debugFile, Map<String, Object> facts) {

    public LinkedOutput {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(debugFile, "debugFile");
        facts = Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }
}
