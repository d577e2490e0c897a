package dev.crossbuild.io;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Who holds a {@link FolderLock}, as its lock file says in plain text ({@code pid=}, {@code host=}, {@code goal=},
 * {@code started=} lines), so that a build waiting for it can say whose build it waits for. Only information: the
 * operating system's lock decides, and releases it when the process dies, whatever the file still says.
 */
public record LockHolder(long pid, String host, String goal, Instant started) {

    /** Only a waiting build describes a holder: the formatters are built then, not by every build taking a lock. */
    private static final class Formats {
        static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
        static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    }

    public LockHolder {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(goal, "goal");
        Objects.requireNonNull(started, "started");
        // one line each in the file
        host = host.replaceAll("\\s+", " ").strip();
        goal = goal.replaceAll("\\s+", " ").strip();
    }

    /** This process, starting {@code goal} (e.g. {@code cross:compile}) now on {@code host}. */
    public static LockHolder thisProcess(String host, String goal) {
        return new LockHolder(ProcessHandle.current().pid(), host, goal, Instant.now());
    }

    byte[] text() {
        return ("pid=" + pid + "\nhost=" + host + "\ngoal=" + goal + "\nstarted=" + iso(started) + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * {@code 2024-05-06T10:02:11.123456Z} for years 0 to 9999, as {@link Instant#toString} writes it (and
     * {@link Instant#parse} reads it back), computed here: {@code Instant}'s own builds java.time's formatters first,
     * which costs every build that takes a lock several milliseconds of a cold JVM.
     */
    static String iso(Instant instant) {
        long seconds = instant.getEpochSecond();
        long days = Math.floorDiv(seconds, 86_400);
        long secondOfDay = Math.floorMod(seconds, 86_400);
        // The civil date of a day number (days since 1970-01-01), proleptic Gregorian: Howard Hinnant's algorithm.
        long shifted = days + 719_468;
        long era = Math.floorDiv(shifted, 146_097);
        long dayOfEra = shifted - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long monthIndex = (5 * dayOfYear + 2) / 153;
        long day = dayOfYear - (153 * monthIndex + 2) / 5 + 1;
        long month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        StringBuilder text = new StringBuilder(30);
        pad(text, year, 4).append('-');
        pad(text, month, 2).append('-');
        pad(text, day, 2).append('T');
        pad(text, secondOfDay / 3600, 2).append(':');
        pad(text, secondOfDay / 60 % 60, 2).append(':');
        pad(text, secondOfDay % 60, 2);
        int nano = instant.getNano();
        if (nano % 1_000_000 == 0 && nano != 0) { // as Instant: milli-, micro- or nanoseconds, whichever is exact
            pad(text.append('.'), nano / 1_000_000, 3);
        } else if (nano % 1000 == 0 && nano != 0) {
            pad(text.append('.'), nano / 1000, 6);
        } else if (nano != 0) {
            pad(text.append('.'), nano, 9);
        }
        return text.append('Z').toString();
    }

    private static StringBuilder pad(StringBuilder text, long value, int digits) {
        String number = Long.toString(value);
        for (int i = number.length(); i < digits; i++) {
            text.append('0');
        }
        return text.append(number);
    }

    /** The holder a lock file names; empty when it is empty, half-written or not ours. */
    static Optional<LockHolder> parse(String text) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int equals = line.indexOf('=');
            if (equals > 0) {
                fields.put(line.substring(0, equals), line.substring(equals + 1));
            }
        }
        try {
            return Optional.of(new LockHolder(Long.parseLong(fields.get("pid")), fields.get("host"),
                    fields.get("goal"), Instant.parse(fields.get("started"))));
        } catch (NumberFormatException | DateTimeParseException | NullPointerException e) {
            return Optional.empty();
        }
    }

    /**
     * {@code the build of pid 1234 (cross:compile, started 10:02:11)} in {@code zone}; the host is named when it is
     * not {@code here}, the date when it is not today.
     */
    public String describe(String here, ZoneId zone) {
        ZonedDateTime time = started.atZone(zone);
        String when = time.toLocalDate().equals(LocalDate.now(zone)) ? Formats.TIME.format(time)
                : Formats.DATE_TIME.format(time);
        return "the build of pid " + pid + (host.equals(here) ? "" : " on " + host) + " (" + goal + ", started "
                + when + ")";
    }
}
