package dev.crossbuild.crossfile;

import java.util.Objects;

/**
 * A built-in option set outside the machine files (a POM parameter), which wins over them as Meson's
 * {@code -D<key>=<value>} does: the Meson key ({@code buildtype}), the value as Meson spells it ({@code release},
 * {@code true}), and where it was set ({@code <buildType>}), for messages and the setup summary.
 */
public record OptionOverride(String key, String value, String origin) {

    public OptionOverride {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(origin, "origin");
        if (!BuiltInOptions.KEYS.contains(key)) {
            throw new IllegalArgumentException("no built-in option " + key);
        }
    }

    /**
     * The override, checked: {@code value} is stripped (booleans and choices are compared in lower case).
     *
     * @throws IllegalArgumentException naming {@code origin} when the value is not one Meson accepts for the option
     */
    public static OptionOverride of(String key, String value, String origin) {
        String given = value.strip();
        String normalised = key.equals(BuiltInOptions.C_STD) || key.equals(BuiltInOptions.CPP_STD)
                ? given : given.toLowerCase(java.util.Locale.ROOT);
        String problem = BuiltInOptions.problem(key, normalised, origin);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return new OptionOverride(key, normalised, origin);
    }
}
