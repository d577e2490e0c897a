package dev.crossbuild.crossfile;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the machine files say about one machine apart from its description: programs, {@code [properties]}
 * (typed, minus the deprecated {@code <lang>_args} that moved into the options), built-in options, project
 * options and {@code [cmake]} variables. Option keys of a {@code [sub:built-in options]} or
 * {@code [sub:project options]} section are written {@code sub:key}, as on Meson's command line.
 * {@code builtInOptionLocations} says where each built-in option's winning value was written ({@code file:line}).
 */
public record MachineConfig(
        BinaryTable binaries,
        Map<String, Value> properties,
        Map<String, Value> builtInOptions,
        Map<String, Value> projectOptions,
        Map<String, Value> cmake,
        Map<String, String> builtInOptionLocations) {

    public MachineConfig {
        Objects.requireNonNull(binaries, "binaries");
        properties = frozen(properties);
        builtInOptions = frozen(builtInOptions);
        projectOptions = frozen(projectOptions);
        cmake = frozen(cmake);
        builtInOptionLocations = Collections.unmodifiableMap(new LinkedHashMap<>(builtInOptionLocations));
    }

    /** A configuration without option locations. */
    public MachineConfig(BinaryTable binaries, Map<String, Value> properties, Map<String, Value> builtInOptions,
                         Map<String, Value> projectOptions, Map<String, Value> cmake) {
        this(binaries, properties, builtInOptions, projectOptions, cmake, Map.of());
    }

    /** A machine no file described. */
    public static MachineConfig empty() {
        return new MachineConfig(BinaryTable.empty(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());
    }

    private static Map<String, Value> frozen(Map<String, Value> map) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
