package dev.crossbuild.checks;

import java.util.Objects;

/**
 * One question inside a generated check program, and the owner of the source lines that ask it, so that a compiler
 * error on one of those lines can be pinned on it. {@code index} is the position in its list of the request (for
 * {@link Kind#INCLUDE}: in the program's include list).
 */
record CheckProbe(Kind kind, int index, String subject) {

    enum Kind { INCLUDE, SIZEOF, ALIGNMENT, DEFINE, FUNCTION }

    CheckProbe {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
    }
}
