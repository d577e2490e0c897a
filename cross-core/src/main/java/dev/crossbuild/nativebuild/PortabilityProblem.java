package dev.crossbuild.nativebuild;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One thing that keeps a linked output from loading on the machines its users run, found by the portability gate:
 * {@code output} ({@code bin/tool}, relative to the classifier's folder), {@code check} (one of the constants
 * below), {@code subject} (the symbol, library or path it is about), {@code detail} (the sentence after the output
 * in messages), {@code objects} (the objects or archive members that reference the symbol, when the check looks for
 * them) and {@code remedy}.
 */
public record PortabilityProblem(String output, String check, String subject, String detail, List<String> objects,
        String remedy) {

    /** A symbol version above {@code maxGlibc}. */
    public static final String GLIBC = "glibc";
    /** A symbol version above {@code maxGlibcxx}. */
    public static final String GLIBCXX = "glibcxx";
    /** A needed library that is neither a system library nor the module's own nor allowed. */
    public static final String LIBRARY = "library";
    /** An imported MinGW runtime DLL. */
    public static final String MINGW_RUNTIME = "mingw_runtime";
    /** {@code PT_GNU_STACK} with {@code PF_X}. */
    public static final String EXECUTABLE_STACK = "executable_stack";
    /** {@code DT_TEXTREL} / {@code DF_TEXTREL}. */
    public static final String TEXTREL = "textrel";
    /** A run path into the build folder. */
    public static final String RUNPATH = "runpath";

    public PortabilityProblem {
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(detail, "detail");
        objects = List.copyOf(objects);
        Objects.requireNonNull(remedy, "remedy");
    }

    /** {@code bin/tool: pthread_create@GLIBC_2.34 (libc.so.6) is newer than maxGlibc 2.17; referenced by ...}. */
    public String line() {
        return output + ": " + detail;
    }

    /** The entry of {@code outputs.json} ({@code output} is the entry's {@code file}). */
    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("check", check);
        json.put("subject", subject);
        json.put("detail", detail);
        json.put("objects", objects);
        json.put("remedy", remedy);
        return json;
    }

    /** @throws IllegalArgumentException when {@code json} is not what {@link #toJson()} wrote */
    static PortabilityProblem fromJson(String output, Object json) {
        if (!(json instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("a portability problem is not an object");
        }
        List<String> objects = map.get("objects") instanceof List<?> list
                ? list.stream().map(o -> text(o, "objects[]")).toList()
                : List.of();
        return new PortabilityProblem(output, text(map.get("check"), "check"), text(map.get("subject"), "subject"),
                text(map.get("detail"), "detail"), objects, text(map.get("remedy"), "remedy"));
    }

    private static String text(Object value, String name) {
        if (value instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("'" + name + "' of a portability problem is not a string");
    }
}
