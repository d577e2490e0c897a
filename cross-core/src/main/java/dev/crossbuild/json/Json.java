package dev.crossbuild.json;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * Writes JSON from plain Java values: {@link Map} (keys in iteration order), {@link Collection}, {@link String},
 * {@link Boolean}, {@link Number}, {@link Optional} (empty is {@code null}) and {@code null}. Output is indented
 * with two spaces so files like {@code setup.json} stay readable and diffable.
 */
public final class Json {

    private Json() {
    }

    /** Pretty-printed JSON text of {@code value}, ending without a newline. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        append(out, value, 0);
        return out.toString();
    }

    private static void append(StringBuilder out, Object value, int depth) {
        if (value instanceof Optional<?> optional) {
            append(out, optional.orElse(null), depth);
        } else if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            appendString(out, text);
        } else if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            appendObject(out, map, depth);
        } else if (value instanceof Collection<?> list) {
            appendArray(out, list, depth);
        } else {
            throw new IllegalArgumentException("no JSON form for " + value.getClass().getName() + ": " + value);
        }
    }

    private static void appendObject(StringBuilder out, Map<?, ?> map, int depth) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append('{');
        String separator = "\n";
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            out.append(separator);
            indent(out, depth + 1);
            appendString(out, String.valueOf(entry.getKey()));
            out.append(": ");
            append(out, entry.getValue(), depth + 1);
            separator = ",\n";
        }
        out.append('\n');
        indent(out, depth);
        out.append('}');
    }

    private static void appendArray(StringBuilder out, Collection<?> list, int depth) {
        if (list.isEmpty()) {
            out.append("[]");
            return;
        }
        boolean flat = list.stream().noneMatch(v -> v instanceof Map || v instanceof Collection);
        out.append('[');
        String separator = flat ? "" : "\n";
        for (Object element : list) {
            out.append(separator);
            if (!flat) {
                indent(out, depth + 1);
            }
            append(out, element, depth + 1);
            separator = flat ? ", " : ",\n";
        }
        if (!flat) {
            out.append('\n');
            indent(out, depth);
        }
        out.append(']');
    }

    private static void appendString(StringBuilder out, String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void indent(StringBuilder out, int depth) {
        out.append("  ".repeat(depth));
    }
}
