package dev.crossbuild.nativebuild;

import dev.crossbuild.error.CrossException;
import java.nio.file.Path;

/**
 * A target's sources cannot be listed: a source folder that does not exist (callers leave conventional defaults
 * such as {@code src/main/c} out of the target when they are absent; a folder the user named must exist), or two
 * sources that would compile to the same object.
 */
public final class SourceSetException extends CrossException {

    private static final long serialVersionUID = 1L;

    private final String target;
    private final Path path;

    private SourceSetException(String target, Path path, String problem, String remedy) {
        super(problem + "; " + remedy, path.toString(), remedy);
        this.target = target;
        this.path = path;
    }

    static SourceSetException missingFolder(NativeTarget target, Path folder) {
        return new SourceSetException(target.name(), folder, describe(target) + ": source folder " + folder
                + " does not exist", "create it, or fix the <sourceDirectory> of this target");
    }

    static SourceSetException sameObject(NativeTarget target, Path first, Path second, String relative) {
        return new SourceSetException(target.name(), second, describe(target) + ": " + first + " and " + second
                + " both have the relative path " + relative + " and would compile to the same object",
                "rename one, or put them in different targets");
    }

    /** The target's name. */
    public String target() {
        return target;
    }

    /** The missing folder, or the second of two sources with the same relative path. */
    public Path path() {
        return path;
    }

    static String describe(NativeTarget target) {
        return (target.isLibrary() ? "library '" : "executable '") + target.name() + "'";
    }
}
