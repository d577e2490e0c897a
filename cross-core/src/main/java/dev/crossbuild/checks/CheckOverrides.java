package dev.crossbuild.checks;

import dev.crossbuild.crossfile.Value;
import dev.crossbuild.toolchain.Compiler;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Answers the machine file's {@code [properties]} give in advance, so that no compiler is asked:
 * {@code has_function_<name>} (a boolean; Meson consults it for cross compilers, spec 2.3), and
 * {@code sizeof_<type>} / {@code alignment_<type>} (positive integers). Meson documents the latter two but no Meson
 * version since the 0.x days reads them (spec 2.3, verified); cross honours them as an explicit extension, because
 * a user who writes {@code sizeof_long = 8} into a cross file means it. The key is the type as written
 * ({@code sizeof_void*}, {@code sizeof_long}), with spaces as {@code _} ({@code sizeof_unsigned_long}) or in its
 * header form ({@code sizeof_void_p}); the first of these present wins.
 */
record CheckOverrides(Map<String, Integer> sizeof, Map<String, Integer> alignment, Map<String, Boolean> functions) {

    CheckOverrides {
        sizeof = Collections.unmodifiableMap(new LinkedHashMap<>(sizeof));
        alignment = Collections.unmodifiableMap(new LinkedHashMap<>(alignment));
        functions = Collections.unmodifiableMap(new LinkedHashMap<>(functions));
    }

    /**
     * The overrides {@code properties} hold for the entries of {@code request}.
     *
     * @throws CheckException naming the key when an override has the wrong type
     */
    static CheckOverrides read(Map<String, Value> properties, CheckRequest request, Compiler compiler)
            throws CheckException {
        Map<String, Integer> sizeof = new LinkedHashMap<>();
        for (String type : request.sizeof()) {
            Optional<Integer> value = integer(properties, typeKeys("sizeof_", type), compiler);
            value.ifPresent(v -> sizeof.put(type, v));
        }
        Map<String, Integer> alignment = new LinkedHashMap<>();
        for (String type : request.alignment()) {
            Optional<Integer> value = integer(properties, typeKeys("alignment_", type), compiler);
            value.ifPresent(v -> alignment.put(type, v));
        }
        Map<String, Boolean> functions = new LinkedHashMap<>();
        for (String function : request.functions()) {
            String key = "has_function_" + function;
            Value value = properties.get(key);
            if (value == null) {
                continue;
            }
            if (!(value instanceof Value.Bool flag)) {
                throw wrongType(key, value, "a boolean (true or false)",
                        "write " + key + " = true or " + key + " = false, without quotes", compiler);
            }
            functions.put(function, flag.value());
        }
        return new CheckOverrides(sizeof, alignment, functions);
    }

    /** The property keys that may answer {@code type}, in order of preference. */
    static List<String> typeKeys(String prefix, String type) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(prefix + type.replace(' ', '_'));
        keys.add(prefix + type.replaceAll(" ?\\* ?", "*").replace(' ', '_'));
        keys.add(prefix + CheckNames.propertyName(CheckNames.typeSymbol(type)));
        return List.copyOf(keys);
    }

    private static Optional<Integer> integer(Map<String, Value> properties, List<String> keys, Compiler compiler)
            throws CheckException {
        for (String key : keys) {
            Value value = properties.get(key);
            if (value == null) {
                continue;
            }
            if (!(value instanceof Value.Int number) || number.value() < 1 || number.value() > Integer.MAX_VALUE) {
                throw wrongType(key, value, "a positive integer", "write it as a number without quotes, e.g. "
                        + key + " = 8", compiler);
            }
            return Optional.of((int) number.value());
        }
        return Optional.empty();
    }

    private static CheckException wrongType(String key, Value value, String expected, String remedy,
                                            Compiler compiler) {
        String found = value instanceof Value.Str ? "string '" + value.mesonRepr() + "'"
                : value.typeName() + " " + value.mesonRepr();
        return new CheckException("[properties] " + key + " must be " + expected + ", found " + found + "; " + remedy
                + ".", compiler, List.of(), "");
    }
}
