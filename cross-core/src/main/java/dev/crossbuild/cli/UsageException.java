package dev.crossbuild.cli;

import dev.crossbuild.error.CrossException;
/** The command line itself is wrong (unknown command or option, missing operand). */
final class UsageException extends CrossException {

    private static final long serialVersionUID = 1L;
    UsageException(String message, String value) {
        super(message, value, "Run 'java -jar cross-core.jar --help' for the commands and options.");
    }
}
