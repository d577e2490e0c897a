package dev.crossbuild.report;

import static dev.crossbuild.json.JsonFields.array;
import static dev.crossbuild.json.JsonFields.bool;
import static dev.crossbuild.json.JsonFields.object;
import static dev.crossbuild.json.JsonFields.optionalString;
import static dev.crossbuild.json.JsonFields.string;

import dev.crossbuild.json.JsonException;
import dev.crossbuild.json.JsonReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads {@code outputs.json} (written by native-link) into {@link OutputRow}s, across ELF, PE, Mach-O and archives. */
final class OutputsReader {

    static final String FILE_NAME = "outputs.json";

    private OutputsReader() {
    }

    /** Empty when native-link has not run, or (with a line in {@code problems}) when the file cannot be read. */
    static Optional<List<OutputRow>> read(Path file, List<String> problems) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(rows(JsonReader.parseObject(Files.readString(file, StandardCharsets.UTF_8))));
        } catch (IOException | JsonException | IllegalArgumentException e) {
            problems.add(file + " cannot be read: " + e.getMessage());
            return Optional.empty();
        }
    }

    static List<OutputRow> rows(Map<String, Object> json) {
        List<OutputRow> rows = new ArrayList<>();
        for (Object element : array(json, "outputs")) {
            Map<String, Object> o = object(element, "outputs[]");
            rows.add(new OutputRow(string(o, "target"), string(o, "kind"), string(o, "file"),
                    JsonValues.number(o, "size").orElseThrow(() -> new IllegalArgumentException("'size' should be a number")),
                    string(o, "sha256"), bool(o, "stripped"), optionalString(o, "debug_file"),
                    optionalString(o, "import_library"), facts(object(o, "binary")),
                    o.get("portability") == null ? Optional.empty()
                            : Optional.of(portability(object(o.get("portability"), "portability")))));
        }
        return rows;
    }

    private static OutputRow.BinaryFacts facts(Map<String, Object> b) {
        Optional<String> soname = JsonValues.text(b, "soname").or(() -> JsonValues.text(b, "id_dylib"));
        List<String> needed = first(JsonValues.strings(b, "needed"), JsonValues.strings(b, "imports"),
                JsonValues.strings(b, "load_dylibs"));
        List<String> mismatches = new ArrayList<>();
        if (b.get("mismatches") instanceof List<?> list) {
            for (Object m : list) {
                Map<String, Object> mismatch = object(m, "mismatches[]");
                mismatches.add(JsonValues.text(mismatch, "property").orElse("?") + ": expected "
                        + JsonValues.text(mismatch, "expected").orElse("?") + ", found "
                        + JsonValues.text(mismatch, "found").orElse("?"));
            }
        }
        return new OutputRow.BinaryFacts(string(b, "format"), JsonValues.text(b, "kind"), JsonValues.text(b, "machine"),
                JsonValues.text(b, "cpu_family"), JsonValues.number(b, "bits").map(Long::intValue),
                JsonValues.text(b, "endian"), JsonValues.text(b, "float_abi"), soname, needed,
                JsonValues.text(b, "max_glibc"), JsonValues.number(b, "members").map(Long::intValue),
                JsonValues.strings(b, "member_kinds"), b.get("verified") instanceof Boolean v && v,
                JsonValues.text(b, "host"), mismatches);
    }

    private static OutputRow.Portability portability(Map<String, Object> p) {
        Map<String, Object> policy = p.get("policy") == null ? Map.of() : object(p.get("policy"), "portability.policy");
        List<OutputRow.Problem> problems = new ArrayList<>();
        for (Object element : array(p, "problems")) {
            Map<String, Object> problem = object(element, "portability.problems[]");
            problems.add(new OutputRow.Problem(string(problem, "check"), string(problem, "subject"),
                    string(problem, "detail"), JsonValues.strings(problem, "objects"), string(problem, "remedy")));
        }
        return new OutputRow.Portability(JsonValues.text(policy, "max_glibc"), JsonValues.text(policy, "max_glibcxx"),
                JsonValues.strings(policy, "allowed_libraries"), problems);
    }

    @SafeVarargs
    private static List<String> first(List<String>... candidates) {
        for (List<String> candidate : candidates) {
            if (!candidate.isEmpty()) {
                return candidate;
            }
        }
        return List.of();
    }
}
