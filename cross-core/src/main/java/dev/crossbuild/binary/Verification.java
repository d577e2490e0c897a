package dev.crossbuild.binary;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The outcome of checking one binary against the host machine: the binary's facts, the machine properties that
 * differ ({@link Mismatch}), and the required symbols it does not export.
 */
public record Verification(BinaryFile binary, ExpectedMachine host, List<Mismatch> mismatches,
        List<String> missingSymbols) {

    public Verification {
        mismatches = List.copyOf(mismatches);
        missingSymbols = List.copyOf(missingSymbols);
    }

    /** True when the binary is for the host machine and exports every required symbol. */
    public boolean ok() {
        return mismatches.isEmpty() && missingSymbols.isEmpty();
    }

    /**
     * What is wrong, one message per root cause: the machine mismatch (every differing property in one message,
     * since a wrong compiler explains them all) and the missing symbols. Empty when {@link #ok()}.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        String name = fileName(binary.file());
        if (!mismatches.isEmpty()) {
            String description = binary.describe();
            String article = description.startsWith("ELF") ? "an " : "a ";
            problems.add(name + " is " + article + description + ", but the host machine is " + host + ": "
                    + String.join("; ", mismatches.stream().map(Mismatch::toString).toList()));
        }
        if (!missingSymbols.isEmpty()) {
            problems.add(name + " does not export " + String.join(", ", missingSymbols));
        }
        return problems;
    }

    /** {@code key: value} lines of the binary's facts, skipping empty ones, for the build log. */
    public List<String> factLines() {
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, Object> fact : binary.facts().entrySet()) {
            Object value = fact.getValue() instanceof Optional<?> optional ? optional.orElse(null) : fact.getValue();
            if (value == null || (value instanceof Collection<?> list && list.isEmpty())) {
                continue;
            }
            String text = value instanceof Collection<?> list
                    ? String.join(" ", list.stream().map(String::valueOf).toList())
                    : String.valueOf(value);
            lines.add(fact.getKey() + ": " + text);
        }
        return lines;
    }

    /**
     * The facts, then {@code host}, {@code verified} and {@code mismatches}: one entry of outputs.json. The required
     * symbols are not part of it: the build asks for none (an undefined symbol of a shared library fails its link,
     * Meson's {@code b_lundef}), so a {@code missing_symbols} field would always be empty.
     */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>(binary.facts());
        json.put("host", host.toString());
        json.put("verified", ok());
        json.put("mismatches", mismatches.stream().map(Mismatch::toJson).toList());
        return json;
    }

    private static String fileName(String file) {
        int slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
        return file.substring(slash + 1);
    }
}
