package dev.crossbuild.toolchain;

import static dev.crossbuild.json.JsonFields.array;
import static dev.crossbuild.json.JsonFields.bool;
import static dev.crossbuild.json.JsonFields.object;
import static dev.crossbuild.json.JsonFields.optionalString;
import static dev.crossbuild.json.JsonFields.string;
import static dev.crossbuild.json.JsonFields.strings;

import dev.crossbuild.machine.Machine;
import dev.crossbuild.machine.MachineRole;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link Toolchain} and a {@link Diagnosis} as JSON-ready data and back. {@code setup.json} carries them so later
 * goals use the toolchain setup confirmed instead of detecting again, and the setup cache reuses them. Reading
 * data that is not in this shape throws {@link IllegalArgumentException} naming the field; callers treat such a
 * file as damaged.
 */
public final class ToolchainJson {

    private static final List<String> TOOLS = List.of("ar", "ranlib", "strip", "objcopy", "ld");

    private ToolchainJson() {
    }

    /** {@code {"compilers": {"c": {...}}, "tools": {"ar": {...}}}}. */
    public static Map<String, Object> write(Toolchain toolchain) {
        Map<String, Object> compilers = new LinkedHashMap<>();
        toolchain.compilers().forEach((language, compiler) -> compilers.put(language.binaryKey(), compiler(compiler)));
        Map<String, Object> tools = new LinkedHashMap<>();
        for (String name : TOOLS) {
            tool(toolchain, name).ifPresent(tool -> tools.put(name, tool(tool)));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("compilers", compilers);
        json.put("tools", tools);
        return json;
    }

    /** The toolchain {@link #write} wrote, for {@code machine} building for {@code target}. */
    public static Toolchain read(Map<String, Object> json, MachineRole machine, Machine target) {
        Map<Language, Compiler> compilers = new EnumMap<>(Language.class);
        Map<String, Object> compilerJson = object(json, "compilers");
        for (Language language : Language.values()) {
            Object entry = compilerJson.get(language.binaryKey());
            if (entry != null) {
                compilers.put(language, compiler(language, object(entry, "compilers." + language.binaryKey())));
            }
        }
        Map<String, Object> tools = object(json, "tools");
        return new Toolchain(machine, target, compilers, readTool(tools, "ar"), readTool(tools, "ranlib"),
                readTool(tools, "strip"), readTool(tools, "objcopy"), readTool(tools, "ld"));
    }

    /** Every absolute program path the toolchain runs: what a cache must see unchanged to be trusted. */
    public static List<Path> programs(Toolchain toolchain) {
        List<Tool> tools = new ArrayList<>();
        toolchain.compilers().values().forEach(c -> tools.add(c.tool()));
        for (String name : TOOLS) {
            tool(toolchain, name).ifPresent(tools::add);
        }
        List<Path> programs = new ArrayList<>();
        for (Tool tool : tools) {
            for (String arg : tool.argv().subList(0, Launchers.launcherLength(tool.argv()) + 1)) {
                Path path = Path.of(arg);
                if (path.isAbsolute() && !programs.contains(path)) {
                    programs.add(path);
                }
            }
        }
        return programs;
    }

    /** The diagnosis {@link Diagnosis#toJson()} wrote. */
    public static Diagnosis readDiagnosis(Map<String, Object> json) {
        List<Finding> findings = new ArrayList<>();
        for (Object entry : array(json, "findings")) {
            Map<String, Object> f = object(entry, "findings[]");
            findings.add(new Finding(string(f, "id"), Finding.Status.valueOf(string(f, "status")), string(f, "subject"),
                    string(f, "detail"), optionalString(f, "remedy"), bool(f, "blocking"), optionalString(f, "caused_by")));
        }
        return new Diagnosis(findings);
    }

    private static Optional<Tool> tool(Toolchain toolchain, String name) {
        return switch (name) {
            case "ar" -> toolchain.ar();
            case "ranlib" -> toolchain.ranlib();
            case "strip" -> toolchain.strip();
            case "objcopy" -> toolchain.objcopy();
            default -> toolchain.ld();
        };
    }

    private static Map<String, Object> compiler(Compiler compiler) {
        Map<String, Object> json = tool(compiler.tool());
        json.put("id", compiler.id().id());
        json.put("version", compiler.id().version());
        json.put("triple", compiler.id().targetTriple());
        json.put("sysroot", compiler.id().sysroot().map(Path::toString));
        return json;
    }

    private static Map<String, Object> tool(Tool tool) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("argv", tool.argv());
        json.put("origin", tool.origin());
        return json;
    }

    private static Compiler compiler(Language language, Map<String, Object> json) {
        CompilerId id = new CompilerId(string(json, "id"), string(json, "version"), string(json, "triple"),
                optionalString(json, "sysroot").map(Path::of));
        return new Compiler(language, new Tool(language.binaryKey(), strings(json, "argv"), string(json, "origin")), id);
    }

    private static Optional<Tool> readTool(Map<String, Object> tools, String name) {
        Object entry = tools.get(name);
        if (entry == null) {
            return Optional.empty();
        }
        Map<String, Object> json = object(entry, "tools." + name);
        return Optional.of(new Tool(name, strings(json, "argv"), string(json, "origin")));
    }
}
