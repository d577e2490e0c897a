package dev.crossbuild.report;

import java.util.Objects;
import java.util.Optional;

/**
 * One compiler check's answer with the names it goes by: the {@code cross_config.h} macro ({@code SIZEOF_LONG}) and
 * the project property ({@code cross.sizeof.long}). {@code value} is the size or alignment, or a define's
 * expansion; {@code positive} says the type is known, the header or function exists, the macro is defined.
 */
public record CheckRow(Kind kind, String subject, Optional<String> value, boolean positive, String macro,
                       String property) {

    public enum Kind { SIZEOF, ALIGNMENT, HEADER, FUNCTION, DEFINE }

    public CheckRow {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(macro, "macro");
        Objects.requireNonNull(property, "property");
    }
}
