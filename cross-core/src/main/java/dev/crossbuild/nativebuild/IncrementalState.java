package dev.crossbuild.nativebuild;

import dev.crossbuild.io.AtomicFiles;
import dev.crossbuild.json.Json;
import dev.crossbuild.json.JsonException;
import dev.crossbuild.json.JsonReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * What the last builds produced, in one JSON file: for each output (an object, a library) the fingerprint of the
 * command that made it and the size and modification time of every input it read (for an object: the source and
 * every header its depfile names). An output is up to date when it exists, its command has the same fingerprint, and
 * every recorded input still exists unchanged. Anything else, including a missing or damaged state file, rebuilds.
 *
 * <p>File states are read once per loaded state and then cached, so that a header shared by every object is looked
 * at once: load a fresh state for each build. Safe for use by several threads at once.
 */
public final class IncrementalState {

    private static final int VERSION = 1;
    /** Stands for an input that changed while its command ran: it never matches, so the output rebuilds next time. */
    private static final long UNKNOWN_SIZE = -1;

    /**
     * One input as it was when its output was recorded. The equals and hashCode are written out: a record's own are
     * bootstrapped through method handles on first use, which costs a fresh JVM more than a no-op build's whole check.
     */
    private record Stamp(String path, long size, long modified) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Stamp stamp && size == stamp.size && modified == stamp.modified
                    && path.equals(stamp.path);
        }

        @Override
        public int hashCode() {
            return (path.hashCode() * 31 + Long.hashCode(size)) * 31 + Long.hashCode(modified);
        }
    }

    private record Entry(String fingerprint, List<Stamp> inputs) {
    }

    private final Path file;
    private final Map<String, Entry> entries;
    private final Map<String, Optional<Stamp>> current = new ConcurrentHashMap<>();
    private volatile boolean changed;

    private IncrementalState(Path file, Map<String, Entry> entries) {
        this.file = file;
        this.entries = new ConcurrentHashMap<>(entries);
    }

    /** The state saved in {@code file}; empty (everything rebuilds) when it is missing, damaged or from another version. */
    public static IncrementalState load(Path file) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        try {
            if (Files.isRegularFile(file)) {
                entries = read(JsonReader.parseObject(Files.readString(file, StandardCharsets.UTF_8)));
            }
        } catch (IOException | JsonException | RuntimeException e) {
            entries = new LinkedHashMap<>();
        }
        return new IncrementalState(file, entries);
    }

    public Path file() {
        return file;
    }

    /**
     * True when {@code output} exists, was recorded with {@code fingerprint}, and every input recorded for it still
     * exists with the size and modification time it had then.
     */
    public boolean upToDate(Path output, String fingerprint) {
        Entry entry = entries.get(key(output));
        if (entry == null || !entry.fingerprint().equals(fingerprint) || !Files.isRegularFile(output)) {
            return false;
        }
        for (Stamp recorded : entry.inputs()) {
            Optional<Stamp> now = current.computeIfAbsent(recorded.path(), IncrementalState::stamp);
            if (now.isEmpty() || !now.get().equals(recorded)) {
                return false;
            }
        }
        return true;
    }

    /** Records that {@code output} was just made by the command {@code fingerprint} from {@code inputs}, as they are now. */
    public void record(Path output, String fingerprint, List<Path> inputs) {
        record(output, fingerprint, inputs, Optional.empty());
    }

    /**
     * Like {@link #record(Path, String, List)}, for a command that started at {@code started}: an input modified
     * since then (and not after now: a future time is a skewed clock, not an edit) may have been read before or after
     * the change, so it is recorded as unknown and the output is rebuilt next time.
     */
    public void record(Path output, String fingerprint, List<Path> inputs, Instant started) {
        record(output, fingerprint, inputs, Optional.of(started));
    }

    private void record(Path output, String fingerprint, List<Path> inputs, Optional<Instant> started) {
        Objects.requireNonNull(fingerprint, "fingerprint");
        long startedNanos = started.map(IncrementalState::nanos).orElse(Long.MAX_VALUE);
        long nowNanos = nanos(Instant.now());
        Map<String, Stamp> stamps = new LinkedHashMap<>();
        for (Path input : inputs) {
            String path = input.toAbsolutePath().toString();
            Optional<Stamp> stamp = stamp(path);
            current.put(path, stamp);
            // Modified between the start and now: during the command. (A time beyond now is an odd clock, not an edit.)
            Stamp recorded = stamp.filter(s -> s.modified() < startedNanos || s.modified() > nowNanos)
                    .orElseGet(() -> new Stamp(path, UNKNOWN_SIZE, 0));
            stamps.putIfAbsent(path, recorded);
        }
        entries.put(key(output), new Entry(fingerprint, List.copyOf(stamps.values())));
        changed = true;
    }

    /** Drops what is known about {@code output}: it rebuilds next time (after a failed command, say). */
    public void forget(Path output) {
        if (entries.remove(key(output)) != null) {
            changed = true;
        }
    }

    /** Writes the state atomically, when it changed since it was loaded or last saved. */
    public synchronized void save() throws IOException {
        if (!changed) {
            return;
        }
        changed = false;
        AtomicFiles.writeString(file, Json.write(toJson()) + "\n");
    }

    /** Stamps are shared between outputs through one table, so a header read by 500 objects is written once. */
    private Map<String, Object> toJson() {
        Map<Stamp, Integer> index = new LinkedHashMap<>();
        Map<String, Object> outputs = new TreeMap<>();
        entries.forEach((output, entry) -> {
            List<Integer> inputs = new ArrayList<>();
            for (Stamp stamp : entry.inputs()) {
                inputs.add(index.computeIfAbsent(stamp, s -> index.size()));
            }
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("fingerprint", entry.fingerprint());
            json.put("inputs", inputs);
            outputs.put(output, json);
        });
        List<Object> files = new ArrayList<>();
        index.keySet().forEach(s -> files.add(List.of(s.path(), s.size(), s.modified())));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("version", VERSION);
        json.put("files", files);
        json.put("outputs", outputs);
        return json;
    }

    private static Map<String, Entry> read(Map<String, Object> json) {
        if (!Objects.equals(json.get("version"), (long) VERSION)) {
            return new LinkedHashMap<>();
        }
        List<Stamp> files = new ArrayList<>();
        for (Object element : (List<?>) json.get("files")) {
            List<?> file = (List<?>) element;
            files.add(new Stamp((String) file.get(0), (Long) file.get(1), (Long) file.get(2)));
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (Map.Entry<String, Object> output : cast(json.get("outputs")).entrySet()) {
            Map<String, Object> entry = cast(output.getValue());
            List<Stamp> inputs = new ArrayList<>();
            for (Object i : (List<?>) entry.get("inputs")) {
                inputs.add(files.get(Math.toIntExact((Long) i)));
            }
            entries.put(output.getKey(), new Entry((String) Objects.requireNonNull(entry.get("fingerprint")), inputs));
        }
        return entries;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Object value) {
        return (Map<String, Object>) Objects.requireNonNull(value);
    }

    private static Optional<Stamp> stamp(String path) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(Path.of(path), BasicFileAttributes.class);
            return Optional.of(new Stamp(path, attributes.size(), attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS)));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static long nanos(Instant instant) {
        return TimeUnit.SECONDS.toNanos(instant.getEpochSecond()) + instant.getNano();
    }

    private static String key(Path output) {
        return output.toAbsolutePath().normalize().toString();
    }
}
