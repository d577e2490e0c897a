package dev.crossbuild.error;

import java.util.Objects;
import java.util.Optional;

/**
 * The root of every problem the user can fix: a cross file, a POM parameter, a missing tool or package, sources that
 * do not compile, an output for the wrong machine. The message says what was expected and what was found, naming the
 * file and line, the key or the parameter; {@link #value()} is the offending value and {@link #remedy()} what fixes
 * it, when one is known apart from the message.
 *
 * <p>The plugin maps this type, in one place, to a build failure that shows the message; any other exception is a
 * defect of cross and surfaces as an internal error. So a subclass is a promise that the message alone is enough for
 * the user to act on.
 */
public abstract class CrossException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String value;
    private final String remedy;

    /**
     * @param message the whole message, as the user reads it (it may already contain the remedy)
     * @param value the offending value: a file, key, parameter, target or program name
     * @param remedy what fixes it, or null when the message is the only advice
     */
    protected CrossException(String message, String value, String remedy, Throwable cause) {
        super(message, cause);
        this.value = Objects.requireNonNull(value, "value");
        this.remedy = remedy;
    }

    protected CrossException(String message, String value, String remedy) {
        this(message, value, remedy, null);
    }

    /** The offending value: the file, key, parameter, target or program the message is about. */
    public String value() {
        return value;
    }

    /** What fixes the problem, when it is known apart from the message. */
    public Optional<String> remedy() {
        return Optional.ofNullable(remedy);
    }
}
