package dev.crossbuild.crossfile;

import java.util.Objects;
import java.util.Optional;

/**
 * Something in a machine file that works but is probably not what was meant (an unknown section, a deprecated
 * key, a misspelt CPU family). {@code line} is 1-based, or 0 when the warning concerns no single line.
 */
public record CrossFileWarning(String file, int line, Optional<String> key, String message) {

    public CrossFileWarning {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(key, "key");
        message = MachineFileLimits.shorten(Objects.requireNonNull(message, "message"));
    }

    /** {@code file:line: message}, the same shape as {@link CrossFileException}'s message. */
    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ": " + message : file + ": " + message;
    }
}
