package dev.crossbuild.crossfile;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Meson's built-in options that decide how cross compiles and links, typed, checked and resolved: {@code buildtype},
 * {@code optimization}, {@code debug}, {@code b_ndebug}, {@code warning_level}, {@code werror}, {@code c_std},
 * {@code cpp_std}, {@code b_lto}, {@code b_pie}, {@code b_staticpic}, {@code b_lundef} and {@code b_asneeded}, with
 * where each value came from ({@code origins}: {@code default}, a machine file's {@code file:line}, or the POM
 * parameter). Choices and
 * semantics are Meson 1.0.1's for gcc and clang: a {@code buildtype} sets {@code optimization} and {@code debug}
 * ({@code plain}: none and false, {@code debug}: 0 and true, {@code debugoptimized}: 2 and true, {@code release}: 3
 * and false, {@code minsize}: s and true, {@code custom}: neither).
 *
 * <p>Resolution ({@link #resolve}): the defaults, then the machine files' {@code [built-in options]}, then the POM
 * ({@link OptionOverride}s). Within one of these an explicit {@code optimization} or {@code debug} wins over that
 * place's {@code buildtype}; a {@code buildtype} of a later place sets both again (as {@code -Dbuildtype} on Meson's
 * command line does over a machine file). Our default {@code buildtype} is {@code debugoptimized} (Meson's is
 * {@code debug}): outputs are stripped, their debug information kept in separate files, so optimised code with debug
 * information costs nothing in what ships. The other defaults are Meson's.
 *
 * <p>{@code c_std}, {@code cpp_std} (and {@code c_args} ...) are per machine: the build machine's tools take them from
 * the native files ({@link #forBuildMachine}); the others are global, as in Meson, and apply to the build machine's
 * tools too.
 */
public record BuiltInOptions(String buildtype, String optimization, boolean debug, String ndebug,
                             String warningLevel, boolean werror, String cStd, String cppStd, boolean lto,
                             boolean pie, boolean staticPic, boolean noUndefined, boolean asNeeded,
                             Map<String, String> origins) {

    public static final String BUILDTYPE = "buildtype";
    public static final String OPTIMIZATION = "optimization";
    public static final String DEBUG = "debug";
    public static final String B_NDEBUG = "b_ndebug";
    public static final String WARNING_LEVEL = "warning_level";
    public static final String WERROR = "werror";
    public static final String C_STD = "c_std";
    public static final String CPP_STD = "cpp_std";
    public static final String B_LTO = "b_lto";
    public static final String B_PIE = "b_pie";
    public static final String B_STATICPIC = "b_staticpic";
    public static final String B_LUNDEF = "b_lundef";
    public static final String B_ASNEEDED = "b_asneeded";
    /** C++ options of a machine, read where the C++ compiles are planned (not part of this record). */
    public static final String CPP_EH = "cpp_eh";
    public static final String CPP_RTTI = "cpp_rtti";
    public static final String CPP_DEBUGSTL = "cpp_debugstl";

    /** Where a value nobody set comes from. */
    public static final String DEFAULT_ORIGIN = "default";
    public static final String DEFAULT_BUILDTYPE = "debugoptimized";

    /** The options of this record, in the order Meson lists them. */
    public static final List<String> KEYS = List.of(BUILDTYPE, OPTIMIZATION, DEBUG, B_NDEBUG, WARNING_LEVEL, WERROR,
            C_STD, CPP_STD, B_LTO, B_PIE, B_STATICPIC, B_LUNDEF, B_ASNEEDED);

    /** Options that exist once per machine (the build machine's come from the native files). */
    static final Set<String> PER_MACHINE = Set.of(C_STD, CPP_STD, "c_args", "c_link_args", "cpp_args",
            "cpp_link_args", "pkg_config_path", "c_winlibs", "cpp_winlibs", CPP_EH, CPP_RTTI, CPP_DEBUGSTL);

    /**
     * Every {@code [built-in options]} key cross applies: this record's and the arguments, the pkg-config path and the
     * Windows libraries of the links.
     */
    static final Set<String> APPLIED = Set.of(BUILDTYPE, OPTIMIZATION, DEBUG, B_NDEBUG, WARNING_LEVEL, WERROR, C_STD,
            CPP_STD, B_LTO, B_PIE, B_STATICPIC, B_LUNDEF, B_ASNEEDED, "c_args", "c_link_args", "cpp_args",
            "cpp_link_args", "pkg_config_path", "c_winlibs", "cpp_winlibs", CPP_EH, CPP_RTTI, CPP_DEBUGSTL);

    private static final Set<String> BOOLEANS = Set.of(DEBUG, WERROR, B_LTO, B_PIE, B_STATICPIC, B_LUNDEF, B_ASNEEDED,
            CPP_RTTI, CPP_DEBUGSTL);

    private static final Map<String, List<String>> CHOICES = Map.of(
            CPP_EH, List.of("none", "default", "a", "s", "sc"),
            BUILDTYPE, List.of("plain", "debug", "debugoptimized", "release", "minsize", "custom"),
            OPTIMIZATION, List.of("plain", "0", "g", "1", "2", "3", "s"),
            B_NDEBUG, List.of("true", "false", "if-release"),
            WARNING_LEVEL, List.of("0", "1", "2", "3", "everything"),
            C_STD, List.of("none", "c89", "c99", "c11", "c17", "c18", "c2x", "gnu89", "gnu99", "gnu11", "gnu17",
                    "gnu18", "gnu2x"),
            CPP_STD, List.of("none", "c++98", "c++03", "c++11", "c++14", "c++17", "c++1z", "c++2a", "c++20",
                    "gnu++03", "gnu++11", "gnu++14", "gnu++17", "gnu++1z", "gnu++2a", "gnu++20"));

    public BuiltInOptions {
        Objects.requireNonNull(buildtype, "buildtype");
        Objects.requireNonNull(optimization, "optimization");
        Objects.requireNonNull(ndebug, "ndebug");
        Objects.requireNonNull(warningLevel, "warningLevel");
        Objects.requireNonNull(cStd, "cStd");
        Objects.requireNonNull(cppStd, "cppStd");
        requireChoice(BUILDTYPE, buildtype);
        requireChoice(OPTIMIZATION, optimization);
        requireChoice(B_NDEBUG, ndebug);
        requireChoice(WARNING_LEVEL, warningLevel);
        requireChoice(C_STD, cStd);
        requireChoice(CPP_STD, cppStd);
        origins = Map.copyOf(origins);
    }

    /** Every option at its default: {@code buildtype=debugoptimized} ({@code -O2 -g}), Meson's defaults otherwise. */
    public static BuiltInOptions defaults() {
        return resolve(Map.of(), Map.of(), List.of());
    }

    /**
     * The options of a machine: the defaults, then {@code config}'s {@code [built-in options]} (checked when the
     * machine files were read), then {@code overrides} (the POM).
     */
    public static BuiltInOptions resolve(MachineConfig config, List<OptionOverride> overrides) {
        return resolve(config.builtInOptions(), config.builtInOptionLocations(), overrides);
    }

    private static BuiltInOptions resolve(Map<String, Value> file, Map<String, String> locations,
                                          List<OptionOverride> overrides) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> origins = new LinkedHashMap<>();
        for (String key : KEYS) {
            origins.put(key, DEFAULT_ORIGIN);
        }
        values.put(BUILDTYPE, DEFAULT_BUILDTYPE);
        values.put(B_NDEBUG, "false");
        values.put(WARNING_LEVEL, "1");
        values.put(WERROR, "false");
        values.put(C_STD, "none");
        values.put(CPP_STD, "none");
        values.put(B_LTO, "false");
        values.put(B_PIE, "false");
        values.put(B_STATICPIC, "true");
        values.put(B_LUNDEF, "true");
        values.put(B_ASNEEDED, "true");
        applyBuildtype(values, origins, DEFAULT_BUILDTYPE, DEFAULT_ORIGIN);

        Map<String, String> fromFile = new LinkedHashMap<>();
        for (String key : KEYS) {
            Value value = file.get(key);
            if (value != null) {
                fromFile.put(key, value instanceof Value.Bool b ? Boolean.toString(b.value()) : value.mesonRepr());
            }
        }
        apply(values, origins, fromFile, key -> locations.getOrDefault(key, "machine file"));
        Map<String, String> fromPom = new LinkedHashMap<>();
        Map<String, String> pomOrigins = new LinkedHashMap<>();
        for (OptionOverride override : overrides) {
            fromPom.put(override.key(), override.value());
            pomOrigins.put(override.key(), override.origin());
        }
        apply(values, origins, fromPom, pomOrigins::get);
        return new BuiltInOptions(values.get(BUILDTYPE), values.get(OPTIMIZATION), bool(values.get(DEBUG)),
                values.get(B_NDEBUG), values.get(WARNING_LEVEL), bool(values.get(WERROR)), values.get(C_STD),
                values.get(CPP_STD), bool(values.get(B_LTO)), bool(values.get(B_PIE)), bool(values.get(B_STATICPIC)),
                bool(values.get(B_LUNDEF)), bool(values.get(B_ASNEEDED)), origins);
    }

    /** One place's values: its buildtype first (setting optimization and debug), then its other options. */
    private static void apply(Map<String, String> values, Map<String, String> origins, Map<String, String> layer,
                              java.util.function.Function<String, String> origin) {
        String buildtype = layer.get(BUILDTYPE);
        if (buildtype != null) {
            values.put(BUILDTYPE, buildtype);
            origins.put(BUILDTYPE, origin.apply(BUILDTYPE));
            applyBuildtype(values, origins, buildtype, origin.apply(BUILDTYPE));
        }
        layer.forEach((key, value) -> {
            if (!key.equals(BUILDTYPE)) {
                values.put(key, value);
                origins.put(key, origin.apply(key));
            }
        });
    }

    private static void applyBuildtype(Map<String, String> values, Map<String, String> origins, String buildtype,
                                       String origin) {
        String[] implied = switch (buildtype) {
            case "plain" -> new String[] {"plain", "false"};
            case "debug" -> new String[] {"0", "true"};
            case "debugoptimized" -> new String[] {"2", "true"};
            case "release" -> new String[] {"3", "false"};
            case "minsize" -> new String[] {"s", "true"};
            default -> null; // custom: optimization and debug stay as they are
        };
        if (implied != null) {
            values.put(OPTIMIZATION, implied[0]);
            values.put(DEBUG, implied[1]);
            origins.put(OPTIMIZATION, origin);
            origins.put(DEBUG, origin);
        }
    }

    /**
     * These options for the build machine's tools: the per-machine {@code c_std} and {@code cpp_std} of
     * {@code build}'s {@code [built-in options]} (the native files; defaults when they set none), the rest as here.
     */
    public BuiltInOptions forBuildMachine(MachineConfig build) {
        Map<String, String> origins = new LinkedHashMap<>(this.origins);
        String c = standard(build, C_STD, origins);
        String cpp = standard(build, CPP_STD, origins);
        return new BuiltInOptions(buildtype, optimization, debug, ndebug, warningLevel, werror, c, cpp, lto, pie,
                staticPic, noUndefined, asNeeded, origins);
    }

    private static String standard(MachineConfig build, String key, Map<String, String> origins) {
        Value value = build.builtInOptions().get(key);
        origins.put(key, value == null ? DEFAULT_ORIGIN : build.builtInOptionLocations().getOrDefault(key, "native file"));
        return value == null ? "none" : value.mesonRepr();
    }

    /** Whether Meson's {@code b_ndebug} asks for {@code -DNDEBUG}: {@code true}, or {@code if-release} with a release or plain buildtype. */
    public boolean disablesAsserts() {
        return ndebug.equals("true")
                || ndebug.equals("if-release") && (buildtype.equals("release") || buildtype.equals("plain"));
    }

    /** The value of {@code key} as Meson shows it: a string, or a boolean. */
    public Object value(String key) {
        return switch (key) {
            case BUILDTYPE -> buildtype;
            case OPTIMIZATION -> optimization;
            case DEBUG -> debug;
            case B_NDEBUG -> ndebug;
            case WARNING_LEVEL -> warningLevel;
            case WERROR -> werror;
            case C_STD -> cStd;
            case CPP_STD -> cppStd;
            case B_LTO -> lto;
            case B_PIE -> pie;
            case B_STATICPIC -> staticPic;
            case B_LUNDEF -> noUndefined;
            case B_ASNEEDED -> asNeeded;
            default -> throw new IllegalArgumentException("no built-in option " + key);
        };
    }

    /** {@code {"buildtype": "debugoptimized", ..., "b_lundef": true}}: for setup.json. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        for (String key : KEYS) {
            json.put(key, value(key));
        }
        return json;
    }

    /** {@link #origins()} for setup.json, in key order. */
    public Map<String, Object> originsJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        for (String key : KEYS) {
            json.put(key, origins.getOrDefault(key, DEFAULT_ORIGIN));
        }
        return json;
    }

    /**
     * Options as {@link #toJson()} wrote them, with their origins when given.
     *
     * @throws IllegalArgumentException when one is missing or not a valid value
     */
    public static BuiltInOptions fromJson(Map<String, Object> json, Map<String, Object> origins) {
        Map<String, String> text = new LinkedHashMap<>();
        for (String key : KEYS) {
            // b_asneeded came later: a setup.json written before it has Meson's default
            Object value = key.equals(B_ASNEEDED) ? json.getOrDefault(key, true) : json.get(key);
            if (BOOLEANS.contains(key) ? !(value instanceof Boolean) : !(value instanceof String)) {
                throw new IllegalArgumentException("options." + key + " is " + value);
            }
            text.put(key, String.valueOf(value));
        }
        Map<String, String> from = new LinkedHashMap<>();
        origins.forEach((key, value) -> from.put(key, String.valueOf(value)));
        return new BuiltInOptions(text.get(BUILDTYPE), text.get(OPTIMIZATION), bool(text.get(DEBUG)),
                text.get(B_NDEBUG), text.get(WARNING_LEVEL), bool(text.get(WERROR)), text.get(C_STD),
                text.get(CPP_STD), bool(text.get(B_LTO)), bool(text.get(B_PIE)), bool(text.get(B_STATICPIC)),
                bool(text.get(B_LUNDEF)), bool(text.get(B_ASNEEDED)), from);
    }

    /**
     * For the setup summary: the buildtype with the optimization and debug it gives, then every option set somewhere
     * (a machine file, the POM), each with where: {@code buildtype release (cross.ini:3): optimization 3, debug false;
     * b_lundef=false (<noUndefined>)}.
     */
    public String describe() {
        String buildtypeOrigin = origins.getOrDefault(BUILDTYPE, DEFAULT_ORIGIN);
        StringBuilder text = new StringBuilder(BUILDTYPE + " " + buildtype + " (" + buildtypeOrigin + "): "
                + OPTIMIZATION + " " + optimization + ", " + DEBUG + " " + debug);
        List<String> set = new ArrayList<>();
        for (String key : KEYS) {
            String origin = origins.getOrDefault(key, DEFAULT_ORIGIN);
            boolean implied = (key.equals(OPTIMIZATION) || key.equals(DEBUG)) && origin.equals(buildtypeOrigin);
            if (!key.equals(BUILDTYPE) && !implied && !origin.equals(DEFAULT_ORIGIN)) {
                set.add(key + "=" + value(key) + " (" + origin + ")");
            }
        }
        if (!set.isEmpty()) {
            text.append("; ").append(String.join(", ", set));
        }
        return text.toString();
    }

    /**
     * Checks a machine file's value of one of these options as Meson does: a combo option takes one of its strings
     * (a number is refused: {@code optimization = 2}), a boolean option {@code true}/{@code false} or those strings.
     * Other keys pass.
     */
    static void check(Entry entry, String key) throws CrossFileException {
        Value value = entry.value();
        if (BOOLEANS.contains(key)) {
            if (value instanceof Value.Bool
                    || value instanceof Value.Str s && (s.value().equals("true") || s.value().equals("false"))) {
                return;
            }
            throw new CrossFileException(entry.file(), entry.line(), entry.key(), "[" + entry.section() + "] "
                    + entry.key() + " must be a boolean, found " + ValueText.described(value) + "; write "
                    + entry.key() + " = true or " + entry.key() + " = false");
        }
        List<String> choices = CHOICES.get(key);
        if (choices == null) {
            return;
        }
        if (value instanceof Value.Str s && choices.contains(s.value())) {
            return;
        }
        String hint = value instanceof Value.Int i && choices.contains(Long.toString(i.value()))
                ? "; Meson refuses a number here, write " + entry.key() + " = '" + i.value() + "'"
                : "";
        throw new CrossFileException(entry.file(), entry.line(), entry.key(), "[" + entry.section() + "] "
                + entry.key() + " is " + ValueText.described(value) + ", which is not one of "
                + quoted(choices) + hint);
    }

    /**
     * The problem with {@code value} for option {@code key} as a POM parameter gives it, or null when it is valid.
     *
     * @param name how the user wrote it: {@code <buildType>}
     */
    static String problem(String key, String value, String name) {
        if (BOOLEANS.contains(key)) {
            return value.equals("true") || value.equals("false") ? null
                    : name + " is '" + value + "'; use true or false";
        }
        List<String> choices = CHOICES.get(key);
        if (choices == null) {
            throw new IllegalArgumentException("no built-in option " + key);
        }
        return choices.contains(value) ? null : name + " is '" + value + "'; use one of " + String.join(", ", choices);
    }

    private static String quoted(List<String> choices) {
        return String.join(", ", choices.stream().map(c -> "'" + c + "'").toList());
    }

    private static void requireChoice(String key, String value) {
        if (!CHOICES.get(key).contains(value)) {
            throw new IllegalArgumentException(key + " '" + value + "' is not one of " + CHOICES.get(key));
        }
    }

    private static boolean bool(String value) {
        return Boolean.parseBoolean(value);
    }
}
