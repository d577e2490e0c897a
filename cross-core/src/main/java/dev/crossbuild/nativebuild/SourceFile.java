package dev.crossbuild.nativebuild;

import dev.crossbuild.toolchain.Language;
import java.nio.file.Path;
import java.util.Objects;

/**
 * One C or C++ source of a target: its absolute path, its path relative to the source folder it was found in (which
 * also names its object, {@code obj/<target>/<relative>.o}), and its language, from its suffix.
 */
public record SourceFile(Path path, Path relative, Language language) {

    public SourceFile {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(relative, "relative");
        Objects.requireNonNull(language, "language");
        if (!path.isAbsolute()) {
            throw new IllegalArgumentException("source path must be absolute: " + path);
        }
        if (relative.isAbsolute()) {
            throw new IllegalArgumentException("relative source path must be relative: " + relative);
        }
    }

    /** {@code a/b.c} with forward slashes on every system: for globs, sorting and messages. */
    public String relativeName() {
        return SourceSet.slashes(relative);
    }
}
