package dev.crossbuild.checks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The compiler checks a build asks for: sizes and alignments of types, headers, functions, and predefined macros.
 * Entries are trimmed (types also get their inner whitespace collapsed to one space) and duplicates dropped, keeping
 * the first. Every entry is pasted into generated C source, so each list only accepts what can be written there:
 * an entry that could break out of its line (quotes, {@code ;}, braces, {@code #}, comments) is refused.
 *
 * @throws IllegalArgumentException naming the entry when one is not a type name, header name or identifier, or when
 *     two entries would get the same name in {@code cross_config.h} (e.g. {@code void*} and {@code void *})
 */
public record CheckRequest(List<String> sizeof, List<String> alignment, List<String> headers,
                           List<String> functions, List<String> defines) {

    private static final Pattern TYPE = Pattern.compile("[A-Za-z_][A-Za-z0-9_ *&:<>,\\[\\]()]*");
    private static final Pattern HEADER = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_./+-]*");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public CheckRequest {
        sizeof = clean("sizeof", sizeof, true);
        alignment = clean("alignment", alignment, true);
        headers = clean("header", headers, false);
        functions = clean("function", functions, false);
        defines = clean("define", defines, false);
        for (String type : sizeof) {
            require(TYPE, type, "sizeof", "a C type name such as long, void* or struct timespec");
        }
        for (String type : alignment) {
            require(TYPE, type, "alignment", "a C type name such as double, void* or struct timespec");
        }
        for (String header : headers) {
            require(HEADER, header, "header", "a header name such as stdint.h or sys/types.h, without <> or quotes");
        }
        for (String function : functions) {
            require(IDENTIFIER, function, "function", "a C function name such as clock_gettime, without parentheses");
        }
        for (String define : defines) {
            require(IDENTIFIER, define, "define", "a macro name such as __aarch64__, without parameters");
        }
        unique("sizeof", sizeof, type -> "SIZEOF_" + CheckNames.typeSymbol(type));
        unique("alignment", alignment, type -> "ALIGNOF_" + CheckNames.typeSymbol(type));
        unique("header", headers, header -> "HAVE_" + CheckNames.headerSymbol(header));
        unique("function", functions, function -> "HAVE_" + CheckNames.functionSymbol(function));
    }

    /** No checks at all. */
    public static CheckRequest empty() {
        return new CheckRequest(List.of(), List.of(), List.of(), List.of(), List.of());
    }

    public boolean isEmpty() {
        return sizeof.isEmpty() && alignment.isEmpty() && headers.isEmpty() && functions.isEmpty() && defines.isEmpty();
    }

    /** This request without the sizeof, alignment and function entries that {@code [properties]} already answer. */
    CheckRequest without(CheckOverrides overrides) {
        return new CheckRequest(
                sizeof.stream().filter(t -> !overrides.sizeof().containsKey(t)).toList(),
                alignment.stream().filter(t -> !overrides.alignment().containsKey(t)).toList(),
                headers,
                functions.stream().filter(f -> !overrides.functions().containsKey(f)).toList(),
                defines);
    }

    /** The request as JSON-ready data (fingerprints, caches). */
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sizeof", sizeof);
        json.put("alignment", alignment);
        json.put("headers", headers);
        json.put("functions", functions);
        json.put("defines", defines);
        return json;
    }

    private static List<String> clean(String kind, List<String> entries, boolean collapseSpaces) {
        Objects.requireNonNull(entries, kind);
        LinkedHashSet<String> cleaned = new LinkedHashSet<>();
        for (String entry : entries) {
            Objects.requireNonNull(entry, kind + " entry");
            String text = entry.strip();
            if (collapseSpaces) {
                text = text.replaceAll("\\s+", " ");
            }
            cleaned.add(text);
        }
        return List.copyOf(new ArrayList<>(cleaned));
    }

    private static void require(Pattern pattern, String entry, String kind, String expected) {
        if (!pattern.matcher(entry).matches()) {
            throw new IllegalArgumentException(
                    "The " + kind + " check \"" + entry + "\" is not valid: expected " + expected + ".");
        }
    }

    private static void unique(String kind, List<String> entries, Function<String, String> name) {
        Map<String, String> seen = new HashMap<>();
        for (String entry : entries) {
            String previous = seen.putIfAbsent(name.apply(entry), entry);
            if (previous != null) {
                throw new IllegalArgumentException("The " + kind + " checks \"" + previous + "\" and \"" + entry
                        + "\" would both be " + name.apply(entry) + " in cross_config.h; list only one of them.");
            }
        }
    }
}
