package dev.crossbuild.report;

import dev.crossbuild.crossfile.Value;
import dev.crossbuild.json.JsonReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Lenient access to the optional parts of our JSON files (fields a format or an older writer may not have), and
 * machine-file values shown as Meson shows them. Required fields go through {@link dev.crossbuild.json.JsonFields}.
 */
final class JsonValues {

    private JsonValues() {
    }

    /** A string field, empty when absent or {@code null}; a list of strings is joined with ", ". */
    static Optional<String> text(Map<String, Object> json, String key) {
        Object value = json.get(key);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof List<?> list) {
            return list.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", strings(list)));
        }
        return Optional.of(String.valueOf(value));
    }

    static Optional<Long> number(Map<String, Object> json, String key) {
        return json.get(key) instanceof Number n ? Optional.of(n.longValue()) : Optional.empty();
    }

    /** The strings of an array field, empty when absent. */
    static List<String> strings(Map<String, Object> json, String key) {
        return json.get(key) instanceof List<?> list ? strings(list) : List.of();
    }

    private static List<String> strings(List<?> list) {
        List<String> strings = new ArrayList<>();
        for (Object element : list) {
            strings.add(String.valueOf(element));
        }
        return strings;
    }

    /** A machine-file value as {@code setup.json} holds it, shown as Meson shows it: {@code ['a', 'b']}, {@code true}. */
    static String meson(Object json) {
        return value(json).mesonRepr();
    }

    private static Value value(Object json) {
        if (json instanceof Boolean b) {
            return Value.of(b);
        }
        if (json instanceof Long n) {
            return Value.of(n);
        }
        if (json instanceof List<?> list) {
            return new Value.Array(list.stream().map(JsonValues::value).toList());
        }
        if (json == null || json instanceof String) {
            return Value.of(json == null ? "" : (String) json);
        }
        throw new IllegalArgumentException("a machine-file value should be a string, boolean, integer or array, found "
                + JsonReader.typeName(json));
    }
}
