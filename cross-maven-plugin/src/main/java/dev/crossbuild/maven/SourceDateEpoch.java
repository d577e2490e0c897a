package dev.crossbuild.maven;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The {@code SOURCE_DATE_EPOCH} (reproducible-builds.org: seconds since 1970 UTC) the goals give every tool they run,
 * so that a tool that would write the current time writes this one instead (gcc's and clang's {@code __DATE__} and
 * {@code __TIME__}, binutils' {@code strip} and {@code objcopy} on PE files, GNU ld's PE time stamp):
 * <ol>
 *   <li>the environment's, when Maven runs with one (a distribution's package build sets it): kept as it is;
 *   <li>else {@code project.build.outputTimestamp}, the instant Maven's own reproducible jars use, in either of its
 *       forms: seconds since 1970 ({@code 1700000000}) or an ISO-8601 date and time with an offset
 *       ({@code 2023-11-14T22:13:20Z}); a value of one character (Maven's way to switch it off) counts as unset;
 *   <li>else {@link #DEFAULT}: 1980-02-01T00:00:00Z, the time cross's native jars give their entries.
 * </ol>
 * A fixed default rather than, say, the last commit's time: the same sources give the same outputs whether they come
 * from a git checkout, a source archive or a copy, and cross needs no git.
 */
final class SourceDateEpoch {

    /** 1980-02-01T00:00:00Z in seconds: the native jars' entry time (DOS time starts in 1980). */
    static final long DEFAULT = 318_211_200L;

    /** The environment variable's name. */
    static final String VARIABLE = "SOURCE_DATE_EPOCH";

    private SourceDateEpoch() {
    }

    /**
     * The value to set, or empty when the environment already has one (the tools inherit it).
     *
     * @param inherited the environment's {@code SOURCE_DATE_EPOCH}
     * @param outputTimestamp {@code project.build.outputTimestamp}, null when the project has none
     * @throws ParameterException when {@code outputTimestamp} is neither form
     */
    static Optional<String> toSet(Optional<String> inherited, String outputTimestamp) throws ParameterException {
        if (inherited.filter(value -> !value.isBlank()).isPresent()) {
            return Optional.empty();
        }
        return Optional.of(Long.toString(of(outputTimestamp)));
    }

    /** Seconds since 1970 from {@code project.build.outputTimestamp}, else {@link #DEFAULT}. */
    static long of(String outputTimestamp) throws ParameterException {
        if (outputTimestamp == null || outputTimestamp.strip().length() < 2) {
            return DEFAULT;
        }
        String value = outputTimestamp.strip();
        if (value.chars().allMatch(Character::isDigit)) {
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw invalid(value, e);
            }
        }
        try {
            Instant instant = OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
            if (instant.getEpochSecond() < 0) {
                throw invalid(value, null);
            }
            return instant.getEpochSecond();
        } catch (DateTimeParseException e) {
            throw invalid(value, e);
        }
    }

    private static ParameterException invalid(String value, Exception cause) {
        return new ParameterException("project.build.outputTimestamp", "project.build.outputTimestamp is '" + value
                + "', which is neither seconds since 1970 (1700000000) nor an ISO-8601 date and time with an offset "
                + "(2023-11-14T22:13:20Z); cross sets SOURCE_DATE_EPOCH from it. Fix the property, or remove it "
                + "(cross then uses " + DEFAULT + ", 1980-02-01T00:00:00Z).", cause);
    }
}
