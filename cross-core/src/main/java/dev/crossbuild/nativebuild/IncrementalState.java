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
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the last builds produced, in one JSON file: for each output (an object, a library) the {@link Fingerprint} of
 * the command and compiler that made it, its own size and modification time, and those of every input it read (for
 * an object: the source and every header its depfile names). An output is up to date when it exists unchanged, its
 * command and compiler have the same fingerprints, and every recorded input still exists unchanged. Anything else,
 * including a missing, damaged or older state file, rebuilds, and {@link #rebuildReason} says which it was. (An
 * output truncated or replaced behind the build's back is made again instead of failing the link that reads it.)
 *
 * <p>File states are read once per loaded state and then cached, so that a header shared by every object is looked
 * at once: load a fresh state for each build. Safe for use by several threads at once.
 */
public final class IncrementalState {

    /** 2: the command and the compiler fingerprinted apart. A version 1 file is read, and its outputs rebuild once. */
    private static final int VERSION = 2;
    private static final int PREVIOUS_VERSION = 1;
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

    /** One output's record; no fingerprint when an older version of cross wrote it (it never matches). */
    private record Entry(Optional<Fingerprint> fingerprint, List<Stamp> inputs) {
    }

    /** What was read: the records, and the reason of an output without one. */
    private record Loaded(Map<String, Entry> entries, RebuildReason unrecorded) {
    }

    private final Path file;
    private final Map<String, Entry> entries;
    private final RebuildReason unrecorded;
    private final Map<String, Optional<Stamp>> current = new ConcurrentHashMap<>();
    /** Counts changes; what the file holds is {@code saved}, so a save that failed is tried again by the next. */
    private final AtomicLong revision = new AtomicLong();
    private long saved;

    private IncrementalState(Path file, Loaded loaded) {
        this.file = file;
        this.entries = new ConcurrentHashMap<>(loaded.entries());
        this.unrecorded = loaded.unrecorded();
    }

    /**
     * The state saved in {@code file}; empty (everything rebuilds) when it is missing, damaged or from another
     * version, and then every output's reason says which.
     */
    public static IncrementalState load(Path file) {
        Loaded loaded;
        try {
            loaded = Files.isRegularFile(file)
                    ? read(JsonReader.parseObject(Files.readString(file, StandardCharsets.UTF_8)))
                    : new Loaded(Map.of(), new RebuildReason.NotBuiltBefore());
        } catch (IOException | JsonException | RuntimeException e) {
            loaded = new Loaded(Map.of(), new RebuildReason.StateDamaged());
        }
        return new IncrementalState(file, loaded);
    }

    public Path file() {
        return file;
    }

    /**
     * Empty when {@code output} exists as it was recorded, was recorded with {@code fingerprint}, and every input
     * recorded for it still exists with the size and modification time it had then; else the first reason found, in
     * this order: no record, output missing, compiler changed, command changed, output changed, the first input
     * missing or changed.
     */
    public Optional<RebuildReason> rebuildReason(Path output, Fingerprint fingerprint) {
        Entry entry = entries.get(key(output));
        if (entry == null) {
            return Optional.of(unrecorded);
        }
        if (entry.fingerprint().isEmpty()) {
            return Optional.of(new RebuildReason.OtherVersion());
        }
        if (!Files.isRegularFile(output)) {
            return Optional.of(new RebuildReason.OutputMissing(output));
        }
        if (!entry.fingerprint().get().compiler().equals(fingerprint.compiler())) {
            return Optional.of(new RebuildReason.CompilerChanged());
        }
        if (!entry.fingerprint().get().command().equals(fingerprint.command())) {
            return Optional.of(new RebuildReason.CommandChanged());
        }
        String self = key(output);
        for (Stamp recorded : entry.inputs()) { // the output's own stamp first
            Optional<Stamp> now = current.computeIfAbsent(recorded.path(), IncrementalState::stamp);
            if (now.isEmpty() || !now.get().equals(recorded)) {
                return Optional.of(recorded.path().equals(self) && now.isPresent()
                        ? new RebuildReason.OutputChanged(output, recorded.size(), now.get().size(),
                                instant(recorded.modified()), instant(now.get().modified()))
                        : change(recorded, now));
            }
        }
        return Optional.empty();
    }

    /**
     * Records that {@code output} was just made as {@code fingerprint} says from {@code inputs}, as they are now; the
     * output's own size and modification time are recorded with them.
     */
    public void record(Path output, Fingerprint fingerprint, List<Path> inputs) {
        record(output, fingerprint, inputs, Optional.empty());
    }

    /**
     * Like {@link #record(Path, Fingerprint, List)}, for a command that started at {@code started}: an input modified
     * since then (and not after now: a future time is a skewed clock, not an edit) may have been read before or after
     * the change, so it is recorded as unknown and the output is rebuilt next time.
     */
    public void record(Path output, Fingerprint fingerprint, List<Path> inputs, Instant started) {
        record(output, fingerprint, inputs, Optional.of(started));
    }

    private void record(Path output, Fingerprint fingerprint, List<Path> inputs, Optional<Instant> started) {
        Objects.requireNonNull(fingerprint, "fingerprint");
        long startedNanos = started.map(IncrementalState::nanos).orElse(Long.MAX_VALUE);
        long nowNanos = nanos(Instant.now());
        Map<String, Stamp> stamps = new LinkedHashMap<>();
        // The output as it is now (written during the command, of course): changed later, it is made again.
        String self = key(output);
        Optional<Stamp> own = stamp(self);
        current.put(self, own);
        stamps.put(self, own.orElseGet(() -> new Stamp(self, UNKNOWN_SIZE, 0)));
        for (Path input : inputs) {
            String path = input.toAbsolutePath().toString();
            Optional<Stamp> stamp = stamp(path);
            current.put(path, stamp);
            // Modified between the start and now: during the command. (A time beyond now is an odd clock, not an edit.)
            Stamp recorded = stamp.filter(s -> s.modified() < startedNanos || s.modified() > nowNanos)
                    .orElseGet(() -> new Stamp(path, UNKNOWN_SIZE, 0));
            stamps.putIfAbsent(path, recorded);
        }
        entries.put(key(output), new Entry(Optional.of(fingerprint), List.copyOf(stamps.values())));
        revision.incrementAndGet();
    }

    /**
     * Every path recorded for some output (the inputs of its command, the output itself), sorted: what a build that
     * finds all its outputs up to date has looked at.
     */
    public List<Path> recordedPaths() {
        TreeSet<String> paths = new TreeSet<>();
        for (Entry entry : entries.values()) {
            for (Stamp stamp : entry.inputs()) {
                paths.add(stamp.path());
            }
        }
        List<Path> list = new ArrayList<>(paths.size());
        for (String path : paths) {
            list.add(Path.of(path));
        }
        return list;
    }

    /** Drops what is known about {@code output}: it rebuilds next time (after a failed command, say). */
    public void forget(Path output) {
        if (entries.remove(key(output)) != null) {
            revision.incrementAndGet();
        }
    }

    /**
     * Writes the state atomically, when it changed since it was loaded or last saved. Safe while other threads record:
     * what they record during a save is written by the next one.
     */
    public synchronized void save() throws IOException {
        long now = revision.get();
        if (now == saved) {
            return;
        }
        AtomicFiles.writeString(file, Json.write(toJson()) + "\n");
        saved = now;
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
            entry.fingerprint().ifPresent(f -> {
                json.put("command", f.command());
                json.put("compiler", f.compiler());
            });
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

    private static Loaded read(Map<String, Object> json) {
        Object version = json.get("version");
        if (!Objects.equals(version, (long) VERSION) && !Objects.equals(version, (long) PREVIOUS_VERSION)) {
            return new Loaded(Map.of(), new RebuildReason.OtherVersion());
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
            // A version 1 record has one "fingerprint" and neither of these, and one written before outputs were
            // stamped lacks its own stamp: read, either rebuilds once with its reason.
            Optional<Fingerprint> fingerprint = entry.get("command") instanceof String command
                    && entry.get("compiler") instanceof String compiler
                    && inputs.stream().anyMatch(stamp -> stamp.path().equals(output.getKey()))
                    ? Optional.of(new Fingerprint(command, compiler)) : Optional.empty();
            entries.put(output.getKey(), new Entry(fingerprint, inputs));
        }
        return new Loaded(entries, new RebuildReason.NotBuiltBefore());
    }

    /** Why {@code recorded} no longer matches the input as it is {@code now}. */
    private static RebuildReason change(Stamp recorded, Optional<Stamp> now) {
        Path input = Path.of(recorded.path());
        if (now.isEmpty()) {
            return new RebuildReason.InputMissing(input);
        }
        if (recorded.size() == UNKNOWN_SIZE) {
            return new RebuildReason.InputChangedDuringBuild(input);
        }
        return new RebuildReason.InputChanged(input, recorded.size(), now.get().size(), instant(recorded.modified()),
                instant(now.get().modified()));
    }

    private static Instant instant(long nanos) {
        return Instant.ofEpochSecond(0, nanos);
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
