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

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

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
        return ("pid=" + pid + "\nhost=" + host + "\ngoal=" + goal + "\nstarted=" + started + "\n")
                .getBytes(StandardCharsets.UTF_8);
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
        String when = time.toLocalDate().equals(LocalDate.now(zone)) ? TIME.format(time) : DATE_TIME.format(time);
        return "the build of pid " + pid + (host.equals(here) ? "" : " on " + host) + " (" + goal + ", started "
                + when + ")";
    }
}
