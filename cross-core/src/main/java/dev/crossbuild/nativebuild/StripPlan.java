package dev.crossbuild.nativebuild;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How one linked file is stripped, in place, with its debug information kept in {@code debugFile}: when
 * {@code copyAsDebugFile}, the unstripped file is first copied to {@code debugFile} (PE); then the commands run in
 * order.
 */
public record StripPlan(Path file, Path debugFile, boolean copyAsDebugFile, List<List<String>> commands) {

    public StripPlan {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(debugFile, "debugFile");
        commands = commands.stream().map(List::copyOf).toList();
    }
}
