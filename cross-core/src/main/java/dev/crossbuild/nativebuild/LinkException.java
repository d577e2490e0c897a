package dev.crossbuild.nativebuild;

import dev.crossbuild.error.CrossException;
import java.util.Optional;

/**
 * A target cannot be linked: a {@code <library>} it names is unknown or forms a cycle, an object or a tool is
 * missing, or the linker, {@code ar}, {@code strip} or {@code objcopy} failed (the message then holds the tool's own
 * output). The message names the target and says how to fix it.
 */
public final class LinkException extends CrossException {

    private static final long serialVersionUID = 1L;

    private final String target;

    LinkException(String target, String message) {
        super(message, target == null ? "" : target, null);
        this.target = target;
    }

    /** The name of the target that could not be linked, when the problem belongs to one. */
    public Optional<String> target() {
        return Optional.ofNullable(target);
    }
}
