package dev.crossbuild.cli;

/** The command line itself is wrong (unknown command or option, missing operand). */
final class UsageException extends Exception {
    UsageException(String message) {
        super(message);
    }
}
