package dev.crossbuild.nativebuild;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * Why an output (an object, a library, an executable, a generated file) is made again, as {@link IncrementalState}
 * and the goals decide it; an up-to-date output has none. Verbose mode logs {@link #describe} after the output's
 * progress line, in the spirit of {@code ninja -d explain}.
 */
public sealed interface RebuildReason {

    /** One short clause: {@code input src/a.h changed (size 12 -> 14)}, paths under {@code base} relative to it. */
    String describe(Path base);

    /** No record of the output: a first build, a new source, or after a failure. */
    record NotBuiltBefore() implements RebuildReason {
        @Override
        public String describe(Path base) {
            return "not built before";
        }
    }

    /** The state file was written by another version of cross, whose records this one does not compare. */
    record OtherVersion() implements RebuildReason {
        @Override
        public String describe(Path base) {
            return "state from another version of cross";
        }
    }

    /** The state file cannot be read (damaged, truncated); everything it held is rebuilt. */
    record StateDamaged() implements RebuildReason {
        @Override
        public String describe(Path base) {
            return "state file unreadable";
        }
    }

    /** The output, or a file made with it (an import library, a debug file), is gone. */
    record OutputMissing(Path output) implements RebuildReason {
        public OutputMissing {
            Objects.requireNonNull(output, "output");
        }

        @Override
        public String describe(Path base) {
            return "output " + display(output, base) + " missing";
        }
    }

    /** The output is there but not as it was made: truncated, replaced or touched by hand. */
    record OutputChanged(Path output, long sizeBefore, long size, Instant modifiedBefore, Instant modified)
            implements RebuildReason {
        public OutputChanged {
            Objects.requireNonNull(output, "output");
            Objects.requireNonNull(modifiedBefore, "modifiedBefore");
            Objects.requireNonNull(modified, "modified");
        }

        @Override
        public String describe(Path base) {
            return "output " + display(output, base) + " changed (" + change(sizeBefore, size, modifiedBefore, modified)
                    + ")";
        }
    }

    /** The compiler (its identity, version, target, sysroot, or a toolchain program's size or time) changed. */
    record CompilerChanged() implements RebuildReason {
        @Override
        public String describe(Path base) {
            return "compiler changed";
        }
    }

    /** The command (its arguments, a strip step, a generator's outputs or folder) changed. */
    record CommandChanged() implements RebuildReason {
        @Override
        public String describe(Path base) {
            return "command changed";
        }
    }

    /** An input read last time (a header the depfile named, an object) no longer exists. */
    record InputMissing(Path input) implements RebuildReason {
        public InputMissing {
            Objects.requireNonNull(input, "input");
        }

        @Override
        public String describe(Path base) {
            return "input " + display(input, base) + " missing";
        }
    }

    /** An input's size or modification time differs from the one recorded. */
    record InputChanged(Path input, long sizeBefore, long size, Instant modifiedBefore, Instant modified)
            implements RebuildReason {
        public InputChanged {
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(modifiedBefore, "modifiedBefore");
            Objects.requireNonNull(modified, "modified");
        }

        @Override
        public String describe(Path base) {
            return "input " + display(input, base) + " changed (" + change(sizeBefore, size, modifiedBefore, modified)
                    + ")";
        }
    }

    /** An input changed while the command that read it ran, so what the output holds is unknown. */
    record InputChangedDuringBuild(Path input) implements RebuildReason {
        public InputChangedDuringBuild {
            Objects.requireNonNull(input, "input");
        }

        @Override
        public String describe(Path base) {
            return "input " + display(input, base) + " changed while it was last built";
        }
    }

    /** A project library the output links was linked again. */
    record LibraryRelinked(String library) implements RebuildReason {
        public LibraryRelinked {
            Objects.requireNonNull(library, "library");
        }

        @Override
        public String describe(Path base) {
            return "library '" + library + "' linked again";
        }
    }

    private static String change(long sizeBefore, long size, Instant modifiedBefore, Instant modified) {
        return sizeBefore != size ? "size " + sizeBefore + " -> " + size : "mtime " + modifiedBefore + " -> " + modified;
    }

    private static String display(Path path, Path base) {
        return NativeCompiler.display(path, base.toAbsolutePath().normalize());
    }
}
