package dev.crossbuild.nativebuild;

import dev.crossbuild.io.AtomicFiles;
import dev.crossbuild.json.Json;
import dev.crossbuild.json.JsonException;
import dev.crossbuild.json.JsonReader;
import dev.crossbuild.machine.Machine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code outputs.json}: what native-link produced, for the site report and for people: the classifier, the host
 * machine, and one entry per output ({@link LinkedOutput#facts()}), sorted by file. Written atomically, and only
 * when its content changed, so a no-op build leaves it untouched.
 */
final class OutputsJson {

    private OutputsJson() {
    }

    static void write(BuildLayout layout, SetupState setup, List<LinkedOutput> outputs) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("classifier", setup.classifier());
        json.put("host", machine(setup.host()));
        json.put("outputs", outputs.stream()
                .sorted(Comparator.comparing(output -> String.valueOf(output.facts().get("file"))))
                .map(LinkedOutput::facts)
                .toList());
        AtomicFiles.writeStringIfChanged(layout.outputsJson(), Json.write(json) + "\n");
    }

    /** The entries of the {@code outputs.json} a previous build wrote, by file; empty when there is none or it is damaged. */
    static Map<String, Map<String, Object>> read(BuildLayout layout) {
        Map<String, Map<String, Object>> entries = new HashMap<>();
        try {
            Path file = layout.outputsJson();
            if (!Files.isRegularFile(file)) {
                return entries;
            }
            Object outputs = JsonReader.parseObject(Files.readString(file, StandardCharsets.UTF_8)).get("outputs");
            if (outputs instanceof List<?> list) {
                for (Object element : list) {
                    if (element instanceof Map<?, ?> map && map.get("file") instanceof String name) {
                        entries.put(name, cast(map));
                    }
                }
            }
        } catch (IOException | JsonException | RuntimeException e) {
            entries.clear(); // everything is verified and described again
        }
        return entries;
    }

    /**
     * The previous entry of an up-to-date output, when it describes this output as it would be described now (same
     * target, kind, debug file, import library and size); empty when the output must be verified again.
     */
    static Optional<Map<String, Object>> reusable(Map<String, Map<String, Object>> previous, BuildLayout layout,
            NativeTarget target, Path file, Optional<Path> debugFile, Optional<Path> importLibrary,
            List<Path> aliases) {
        Map<String, Object> entry = previous.get(relative(layout, file));
        if (entry == null) {
            return Optional.empty();
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            return Optional.empty();
        }
        boolean same = target.name().equals(entry.get("target"))
                && target.kind().name().toLowerCase(Locale.ROOT).equals(entry.get("kind"))
                && Objects.equals(entry.get("size"), size)
                && entry.get(SHA256) instanceof String
                && entry.get("stripped") instanceof Boolean
                && entry.get("binary") instanceof Map
                && Objects.equals(entry.get("debug_file"), debugFile.map(debug -> relative(layout, debug)).orElse(null))
                && Objects.equals(entry.get("import_library"),
                        importLibrary.map(library -> relative(layout, library)).orElse(null))
                && Objects.equals(entry.getOrDefault("aliases", List.of()), relative(layout, aliases));
        return same ? Optional.of(entry) : Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    /** The key of an entry's SHA-256 of the output. */
    static final String SHA256 = "sha256";

    /**
     * The entry of one output; {@code binary} holds what verification read. Its {@link #SHA256} is {@code null}, in
     * its place: the caller puts the hash there, which may still be being computed.
     */
    static Map<String, Object> entry(BuildLayout layout, NativeTarget target, Path file, Optional<Path> debugFile,
            Optional<Path> importLibrary, List<Path> aliases, VerifiedOutput verified) throws IOException {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("target", target.name());
        entry.put("kind", target.kind().name().toLowerCase(Locale.ROOT));
        entry.put("file", relative(layout, file));
        entry.put("size", Files.size(file));
        entry.put(SHA256, null);
        entry.put("stripped", verified.stripped());
        entry.put("debug_file", debugFile.map(debug -> relative(layout, debug)).orElse(null));
        importLibrary.ifPresent(library -> entry.put("import_library", relative(layout, library)));
        if (!aliases.isEmpty()) {
            entry.put("aliases", relative(layout, aliases));
        }
        entry.put("binary", plain(verified.facts()));
        return entry;
    }

    /** The facts with every {@code Optional} replaced by its value or {@code null}, as JSON will show them. */
    private static Map<String, Object> plain(Map<String, Object> facts) {
        Map<String, Object> plain = new LinkedHashMap<>();
        facts.forEach((key, value) -> plain.put(key, value instanceof Optional<?> o ? o.orElse(null) : value));
        return plain;
    }

    private static List<String> relative(BuildLayout layout, List<Path> files) {
        return files.stream().map(file -> relative(layout, file)).toList();
    }

    /** {@code lib/libdemo.so}: relative to the layout's root, with forward slashes on every system. */
    static String relative(BuildLayout layout, Path file) {
        return layout.root().relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    private static Map<String, Object> machine(Machine machine) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("system", machine.system());
        json.put("cpu_family", machine.cpuFamily());
        json.put("cpu", machine.cpu());
        json.put("endian", machine.endian().mesonName());
        return json;
    }

}
