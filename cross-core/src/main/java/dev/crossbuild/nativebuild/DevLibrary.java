package dev.crossbuild.nativebuild;

import static dev.crossbuild.json.JsonFields.object;
import static dev.crossbuild.json.JsonFields.optionalString;
import static dev.crossbuild.json.JsonFields.string;

import dev.crossbuild.json.JsonFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One library of a development artifact ({@link DevArtifact}), as its manifest {@code cross-dev.json} lists it and
 * {@code setup.json}'s {@code native_dependencies} records it: the target's {@code name}, whether it is the shared or
 * the static library, its {@code file} inside the artifact ({@code lib/libcodec.so.1.2.0}, {@code bin/codec.dll},
 * {@code lib/libcodec.a}), the name programs linked against it ask for ({@code runtimeName}: the SONAME
 * {@code libcodec.so.1}, else the file name), the symbolic links made beside it ({@code libcodec.so.1 ->
 * libcodec.so.1.2.0}, {@code libcodec.so -> libcodec.so.1}), the MinGW import library, and the pkg-config name of
 * the {@code .pc} file that describes it ({@code lib/pkgconfig/<pkgConfig>.pc}).
 */
public record DevLibrary(String name, TargetKind kind, String file, String runtimeName, List<OutputNames.Alias> aliases,
                         Optional<String> importLibrary, String pkgConfig) {

    public DevLibrary {
        Objects.requireNonNull(name, "name");
        if (kind != TargetKind.SHARED_LIBRARY && kind != TargetKind.STATIC_LIBRARY) {
            throw new IllegalArgumentException("a development artifact holds shared and static libraries, not " + kind);
        }
        DevArtifact.checkEntry(file);
        checkPlainName(runtimeName);
        aliases = List.copyOf(aliases);
        for (OutputNames.Alias alias : aliases) {
            checkPlainName(alias.name());
            checkPlainName(alias.target());
        }
        importLibrary.ifPresent(DevArtifact::checkEntry);
        checkPlainName(pkgConfig);
    }

    public boolean shared() {
        return kind == TargetKind.SHARED_LIBRARY;
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name);
        json.put("kind", shared() ? "shared" : "static");
        json.put("file", file);
        json.put("runtime_name", runtimeName);
        List<Object> links = new ArrayList<>();
        for (OutputNames.Alias alias : aliases) {
            Map<String, Object> link = new LinkedHashMap<>();
            link.put("name", alias.name());
            link.put("target", alias.target());
            links.add(link);
        }
        json.put("aliases", links);
        importLibrary.ifPresent(file -> json.put("import_library", file));
        json.put("pkg_config", pkgConfig);
        return json;
    }

    /** @throws IllegalArgumentException when a field is missing, of the wrong type or not a plain name */
    public static DevLibrary fromJson(Map<String, Object> json) {
        String kind = string(json, "kind");
        TargetKind parsed = switch (kind) {
            case "shared" -> TargetKind.SHARED_LIBRARY;
            case "static" -> TargetKind.STATIC_LIBRARY;
            default -> throw new IllegalArgumentException("'kind' should be shared or static, found " + kind);
        };
        List<OutputNames.Alias> aliases = new ArrayList<>();
        for (Object link : JsonFields.array(json, "aliases")) {
            Map<String, Object> alias = object(link, "aliases");
            aliases.add(new OutputNames.Alias(string(alias, "name"), string(alias, "target")));
        }
        return new DevLibrary(string(json, "name"), parsed, string(json, "file"), string(json, "runtime_name"),
                aliases, optionalString(json, "import_library"), string(json, "pkg_config"));
    }

    private static void checkPlainName(String name) {
        if (name == null || name.isEmpty() || name.equals(".") || name.equals("..") || name.contains("/")
                || name.contains("\\") || name.contains(":")) {
            throw new IllegalArgumentException("'" + name + "' is not a plain file name");
        }
    }
}
