package dev.crossbuild.setup;

import dev.crossbuild.error.CrossException;
import java.util.List;

/** The doctor found blocking problems: the build cannot work until the remedies are applied. */
public final class ToolchainNotReadyException extends CrossException {

    private static final long serialVersionUID = 1L;

    private final transient SetupResult result;

    ToolchainNotReadyException(SetupResult result, List<String> diagnosis) {
        super("The toolchain for " + result.environment().machines().host() + " is not ready:\n"
                + String.join("\n", diagnosis), result.environment().machines().host().toString(),
                "Run 'mvn cross:doctor' for the full diagnosis.");
        this.result = result;
    }

    /** What setup resolved and wrote before it found the problems (setup.json carries the diagnosis). */
    public SetupResult result() {
        return result;
    }
}
