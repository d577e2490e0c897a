package dev.crossbuild.json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Typed access to the fields of a parsed JSON object (what {@link JsonReader} returns). A field of the wrong type or
 * a missing required field throws {@link IllegalArgumentException} naming the field; readers of our own files treat
 * that as damage.
 */
public final class JsonFields {

    private JsonFields() {
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(Object value, String name) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalArgumentException("'" + name + "' should be an object, found " + JsonReader.typeName(value));
    }

    public static Map<String, Object> object(Map<String, Object> json, String key) {
        return object(json.get(key), key);
    }

    public static List<?> array(Map<String, Object> json, String key) {
        if (json.get(key) instanceof List<?> list) {
            return list;
        }
        throw new IllegalArgumentException("'" + key + "' should be an array, found " + JsonReader.typeName(json.get(key)));
    }

    public static List<String> strings(Object value, String name) {
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException("'" + name + "' should be an array, found " + JsonReader.typeName(value));
        }
        List<String> strings = new ArrayList<>();
        for (Object element : list) {
            if (!(element instanceof String s)) {
                throw new IllegalArgumentException("'" + name + "' should hold strings, found " + JsonReader.typeName(element));
            }
            strings.add(s);
        }
        return List.copyOf(strings);
    }

    public static List<String> strings(Map<String, Object> json, String key) {
        return strings(json.get(key), key);
    }

    public static String string(Map<String, Object> json, String key) {
        if (json.get(key) instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("'" + key + "' should be a string, found " + JsonReader.typeName(json.get(key)));
    }

    public static Optional<String> optionalString(Map<String, Object> json, String key) {
        return json.get(key) == null ? Optional.empty() : Optional.of(string(json, key));
    }

    public static boolean bool(Map<String, Object> json, String key) {
        if (json.get(key) instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException("'" + key + "' should be a boolean, found " + JsonReader.typeName(json.get(key)));
    }
}
