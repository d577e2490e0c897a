package dev.crossbuild.checks;

import dev.crossbuild.io.AtomicFiles;
import dev.crossbuild.json.Json;
import dev.crossbuild.json.JsonException;
import dev.crossbuild.json.JsonReader;
import dev.crossbuild.toolchain.Compiler;
import dev.crossbuild.toolchain.CompilerId;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Compiler check answers kept between builds in {@code <directory>/compiler-checks.json}, keyed by the fingerprint
 * of everything they depend on ({@link CheckFingerprint}), so that a second {@code setup} with nothing changed runs
 * no compiler. Holds the last {@value #MAX_ENTRIES} answer sets (one per compiler and check list). A missing,
 * damaged or foreign file is a cache miss, never an error: it only costs compiler runs.
 */
public final class CheckCache {

    static final String FILE_NAME = "compiler-checks.json";
    static final int MAX_ENTRIES = 16;

    private final Path file;

    private CheckCache(Path file) {
        this.file = file;
    }

    /** A cache in {@code directory} (typically {@code target/cross/<classifier>}); created on first store. */
    public static CheckCache in(Path directory) {
        return new CheckCache(directory.resolve(FILE_NAME));
    }

    public Path file() {
        return file;
    }

    /**
     * The answers to {@code request} stored under {@code fingerprint}, with {@code compilerRuns} 0; empty on any
     * kind of miss, including an entry that does not answer exactly the checks of {@code request}.
     */
    Optional<CheckResults> load(String fingerprint, CheckRequest request, CompilerId compiler) {
        if (!(entries().get(fingerprint) instanceof Map<?, ?> entry)) {
            return Optional.empty();
        }
        CheckResults results;
        try {
            results = new CheckResults(
                    typed(entry.get("sizeof"), Long.class, v -> Math.toIntExact((Long) v)),
                    typed(entry.get("alignment"), Long.class, v -> Math.toIntExact((Long) v)),
                    typed(entry.get("headers"), Boolean.class, v -> (Boolean) v),
                    typed(entry.get("functions"), Boolean.class, v -> (Boolean) v),
                    defines(entry.get("defines")),
                    0, Optional.of(compiler));
        } catch (IllegalArgumentException | ArithmeticException e) {
            return Optional.empty();
        }
        boolean complete = List.copyOf(results.sizeof().keySet()).equals(request.sizeof())
                && List.copyOf(results.alignment().keySet()).equals(request.alignment())
                && List.copyOf(results.headers().keySet()).equals(request.headers())
                && List.copyOf(results.functions().keySet()).equals(request.functions())
                && List.copyOf(results.defines().keySet()).equals(request.defines());
        return complete ? Optional.of(results) : Optional.empty();
    }

    /** Stores {@code results} under {@code fingerprint}, dropping the oldest entries beyond the limit. */
    void store(String fingerprint, CheckResults results) throws IOException {
        Map<String, Object> entries = new LinkedHashMap<>(entries());
        entries.remove(fingerprint);
        Map<String, Object> entry = new LinkedHashMap<>(results.toJson());
        entry.remove("compiler_runs");
        entries.put(fingerprint, entry);
        List<String> keys = new ArrayList<>(entries.keySet());
        for (int i = 0; i < keys.size() - MAX_ENTRIES; i++) {
            entries.remove(keys.get(i));
        }
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("format", CheckFingerprint.FORMAT);
        document.put("entries", entries);
        AtomicFiles.writeString(file, Json.write(document) + "\n");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> entries() {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return Map.of();
        } catch (IOException e) {
            return Map.of(); // unreadable or not UTF-8: recompute, and the next store replaces it
        }
        try {
            Map<String, Object> document = JsonReader.parseObject(text);
            if (!Objects.equals(document.get("format"), (long) CheckFingerprint.FORMAT)
                    || !(document.get("entries") instanceof Map)) {
                return Map.of();
            }
            return (Map<String, Object>) document.get("entries");
        } catch (JsonException e) {
            return Map.of();
        }
    }

    private interface Converter<V> {
        V convert(Object value);
    }

    private static <V> Map<String, V> typed(Object value, Class<?> type, Converter<V> converter) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("not an object: " + value);
        }
        Map<String, V> result = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!type.isInstance(entry.getValue())) {
                throw new IllegalArgumentException("not a " + type.getSimpleName() + ": " + entry.getValue());
            }
            result.put((String) entry.getKey(), converter.convert(entry.getValue()));
        }
        return result;
    }

    private static Map<String, Optional<String>> defines(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("not an object: " + value);
        }
        Map<String, Optional<String>> result = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (entry.getValue() != null && !(entry.getValue() instanceof String)) {
                throw new IllegalArgumentException("not a string or null: " + entry.getValue());
            }
            result.put((String) entry.getKey(), Optional.ofNullable((String) entry.getValue()));
        }
        return result;
    }
}
