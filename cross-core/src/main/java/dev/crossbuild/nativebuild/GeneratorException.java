package dev.crossbuild.nativebuild;

import dev.crossbuild.error.CrossException;
/**
 * A {@code <generator>} cannot be planned (an unknown or wrong {@code <tool>}, an unknown placeholder, two generators
 * writing the same file) or failed when run (the tool exited with an error or timed out, with its own output, or did
 * not write a declared output). The message names the target, the tool and the remedy.
 */
public final class GeneratorException extends CrossException {

    private static final long serialVersionUID = 1L;

    private final String target;
    private final String tool;

    GeneratorException(String target, String tool, String message) {
        super(message, tool, null);
        this.target = target;
        this.tool = tool;
    }

    /** The name of the target whose generator this is. */
    public String target() {
        return target;
    }

    /** The name of the build-machine executable the generator runs. */
    public String tool() {
        return tool;
    }
}
