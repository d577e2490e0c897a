package dev.crossbuild.report;

import static dev.crossbuild.json.JsonFields.bool;
import static dev.crossbuild.json.JsonFields.object;
import static dev.crossbuild.json.JsonFields.optionalString;
import static dev.crossbuild.json.JsonFields.string;
import static dev.crossbuild.json.JsonFields.strings;

import dev.crossbuild.checks.CheckNames;
import dev.crossbuild.json.JsonException;
import dev.crossbuild.json.JsonReader;
import dev.crossbuild.machine.Endian;
import dev.crossbuild.machine.Machine;
import dev.crossbuild.toolchain.Diagnosis;
import dev.crossbuild.toolchain.ToolchainJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads {@code setup.json} (written by {@code setup.CrossSetup}) into a {@link SetupSummary}. */
final class SetupReader {

    static final String FILE_NAME = "setup.json";

    private SetupReader() {
    }

    /** Empty when the file does not exist, or (with a line in {@code problems}) when it cannot be read. */
    static Optional<SetupSummary> read(Path file, List<String> problems) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(summary(JsonReader.parseObject(Files.readString(file, StandardCharsets.UTF_8))));
        } catch (IOException | JsonException | IllegalArgumentException e) {
            problems.add(file + " cannot be read: " + e.getMessage());
            return Optional.empty();
        }
    }

    static SetupSummary summary(Map<String, Object> json) {
        Map<String, Object> binaries = object(json, "binaries");
        Optional<List<String>> exeWrapper = binaries.get("exe_wrapper") == null
                ? Optional.empty()
                : Optional.of(strings(binaries, "exe_wrapper"));
        Map<String, String> properties = new LinkedHashMap<>();
        object(json, "properties").forEach((key, value) -> properties.put(key, JsonValues.meson(value)));
        Optional<Diagnosis> doctor = json.get("doctor") == null
                ? Optional.empty()
                : Optional.of(ToolchainJson.readDiagnosis(object(json, "doctor")));
        return new SetupSummary(machine(object(json, "build")), machine(object(json, "host")),
                machine(object(json, "target")), bool(json, "is_cross_build"), bool(json, "can_run_host_binaries"),
                json.get("needs_exe_wrapper") instanceof Boolean b && b, exeWrapper,
                layers(json, "cross_file_layers", "cross_files"), layers(json, "native_file_layers", "native_files"),
                properties, toolchain(object(json, "host")), doctor, checks(json), strings(json, "warnings"));
    }

    private static Machine machine(Map<String, Object> json) {
        Endian endian = Endian.parse(string(json, "endian"))
                .orElseThrow(() -> new IllegalArgumentException("'endian' should be little or big, found " + json.get("endian")));
        return new Machine(string(json, "system"), string(json, "cpu_family"), string(json, "cpu"), endian,
                optionalString(json, "kernel"), optionalString(json, "subsystem"));
    }

    /** The layers when setup recorded them, else only the file names (a setup.json of an older cross). */
    private static List<MachineFileLayer> layers(Map<String, Object> json, String layersKey, String namesKey) {
        List<MachineFileLayer> layers = new ArrayList<>();
        if (json.get(layersKey) instanceof List<?> list) {
            for (Object element : list) {
                Map<String, Object> layer = object(element, layersKey + "[]");
                List<MachineFileLayer.Setting> settings = new ArrayList<>();
                for (Object entry : (List<?>) layer.getOrDefault("entries", List.of())) {
                    Map<String, Object> e = object(entry, layersKey + "[].entries[]");
                    settings.add(new MachineFileLayer.Setting(string(e, "section"), string(e, "key"),
                            JsonValues.meson(e.get("value")), JsonValues.number(e, "line").orElse(0L).intValue()));
                }
                layers.add(new MachineFileLayer(string(layer, "name"), optionalString(layer, "path"), settings));
            }
            return layers;
        }
        for (String name : strings(json, namesKey)) {
            layers.add(new MachineFileLayer(name, Optional.empty(), List.of()));
        }
        return layers;
    }

    /** Compilers first (C, then C++), then the other tools, as setup recorded them. */
    private static List<ToolSummary> toolchain(Map<String, Object> host) {
        List<ToolSummary> tools = new ArrayList<>();
        if (host.get("compilers") instanceof Map<?, ?>) {
            object(host, "compilers").forEach((name, value) -> {
                Map<String, Object> c = object(value, "compilers." + name);
                tools.add(new ToolSummary(name, strings(c, "argv"), string(c, "origin"), optionalString(c, "id"),
                        optionalString(c, "version"), optionalString(c, "triple"), optionalString(c, "sysroot")));
            });
        }
        if (host.get("tools") instanceof Map<?, ?>) {
            object(host, "tools").forEach((name, value) -> {
                Map<String, Object> t = object(value, "tools." + name);
                tools.add(new ToolSummary(name, strings(t, "argv"), string(t, "origin"), Optional.empty(),
                        Optional.empty(), Optional.empty(), Optional.empty()));
            });
        }
        return tools;
    }

    /** The checks' answers, named as {@code CheckResults} names them in cross_config.h and in project properties. */
    private static List<CheckRow> checks(Map<String, Object> json) {
        List<CheckRow> rows = new ArrayList<>();
        if (!(json.get("checks") instanceof Map<?, ?>)) {
            return rows;
        }
        Map<String, Object> checks = object(json, "checks");
        section(checks, "sizeof").forEach((type, size) -> rows.add(size(CheckRow.Kind.SIZEOF, "SIZEOF_", "cross.sizeof.", type, size)));
        section(checks, "alignment").forEach((type, align) -> rows.add(size(CheckRow.Kind.ALIGNMENT, "ALIGNOF_", "cross.alignment.", type, align)));
        section(checks, "headers").forEach((header, found) -> {
            String symbol = CheckNames.headerSymbol(header);
            rows.add(new CheckRow(CheckRow.Kind.HEADER, header, Optional.empty(), Boolean.TRUE.equals(found),
                    "HAVE_" + symbol, "cross.has.header." + CheckNames.propertyName(symbol)));
        });
        section(checks, "functions").forEach((function, found) -> rows.add(new CheckRow(CheckRow.Kind.FUNCTION, function,
                Optional.empty(), Boolean.TRUE.equals(found), "HAVE_" + CheckNames.functionSymbol(function),
                "cross.has.function." + function)));
        section(checks, "defines").forEach((macro, value) -> rows.add(new CheckRow(CheckRow.Kind.DEFINE, macro,
                Optional.ofNullable(value).map(String::valueOf), value != null, "CROSS_DEFINE_" + macro,
                (value != null ? "cross.define." : "cross.has.define.") + macro)));
        return rows;
    }

    private static CheckRow size(CheckRow.Kind kind, String macroPrefix, String propertyPrefix, String type, Object value) {
        long size = value instanceof Number n ? n.longValue() : -1;
        String symbol = CheckNames.typeSymbol(type);
        return new CheckRow(kind, type, size >= 0 ? Optional.of(Long.toString(size)) : Optional.empty(), size >= 0,
                macroPrefix + symbol, propertyPrefix + CheckNames.propertyName(symbol));
    }

    private static Map<String, Object> section(Map<String, Object> checks, String key) {
        return checks.get(key) == null ? Map.of() : object(checks, key);
    }
}
