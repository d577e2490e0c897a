package dev.crossbuild.binary;

import java.util.LinkedHashMap;
import java.util.Map;

/** One property of a binary that differs from the host machine: {@code cpu family}, expected {@code aarch64}, found {@code x86_64}. */
public record Mismatch(String property, String expected, String found) {

    /** {@code expected cpu family aarch64, found x86_64}. */
    @Override
    public String toString() {
        return "expected " + property + " " + expected + ", found " + found;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("property", property);
        json.put("expected", expected);
        json.put("found", found);
        return json;
    }
}
