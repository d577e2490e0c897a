package dev.crossbuild.maven;

import dev.crossbuild.error.CrossException;

/** A plugin parameter in the POM or on the command line has a value the goal cannot use. */
final class ParameterException extends CrossException {

    private static final long serialVersionUID = 1L;

    /**
     * @param parameter the parameter as the user writes it: {@code <testTimeout>}, {@code <library><kind>}
     * @param message what was expected and found, and the remedy
     */
    ParameterException(String parameter, String message) {
        super(message, parameter, null);
    }

    ParameterException(String parameter, String message, Throwable cause) {
        super(message, parameter, null, cause);
    }
}
