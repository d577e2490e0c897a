package dev.crossbuild.nativebuild;

import static dev.crossbuild.json.JsonFields.bool;
import static dev.crossbuild.json.JsonFields.object;
import static dev.crossbuild.json.JsonFields.string;

import dev.crossbuild.json.JsonFields;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A native dependency of a module, unpacked for one classifier under {@code target/cross/<classifier>/deps/<artifactId>/}
 * by setup, which records it in {@code setup.json}'s {@code native_dependencies} for the later goals: its coordinates,
 * where the artifact was found, the folder, the artifact's SHA-256 (it is unpacked again only when that changes),
 * whether it has headers, and its libraries.
 *
 * <p>What the goals make of it: pkg-config finds its {@code lib/pkgconfig} ({@link #pkgConfigFolder()},
 * {@code PKG_CONFIG_PATH}); the native tests find its shared libraries ({@link #runtimeFolders()}: on the library
 * path, or on {@code WINEPATH}); native-link packs those the module's outputs need into the jars.
 */
public record NativeDependency(String coordinates, String origin, Path folder, String sha256, boolean headers,
                               List<DevLibrary> libraries) {

    public NativeDependency {
        Objects.requireNonNull(coordinates, "coordinates");
        Objects.requireNonNull(origin, "origin");
        folder = folder.toAbsolutePath().normalize();
        Objects.requireNonNull(sha256, "sha256");
        libraries = List.copyOf(libraries);
    }

    /** {@code <folder>/lib/pkgconfig}: where its {@code .pc} files are. */
    public Path pkgConfigFolder() {
        return folder.resolve("lib").resolve("pkgconfig");
    }

    /** The folders its shared libraries are in ({@code lib}, {@code bin} for DLLs), in that order. */
    public List<Path> runtimeFolders() {
        List<Path> folders = new ArrayList<>();
        for (DevLibrary library : libraries) {
            Path folder = file(library).getParent();
            if (library.shared() && !folders.contains(folder)) {
                folders.add(folder);
            }
        }
        folders.sort((a, b) -> Boolean.compare(!a.endsWith("lib"), !b.endsWith("lib")));
        return folders;
    }

    /** Where a library of it is. */
    public Path file(DevLibrary library) {
        return folder.resolve(library.file());
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("coordinates", coordinates);
        json.put("origin", origin);
        json.put("folder", folder.toString());
        json.put("sha256", sha256);
        json.put("headers", headers);
        json.put("libraries", libraries.stream().map(DevLibrary::toJson).toList());
        return json;
    }

    /** @throws IllegalArgumentException when a field is missing or of the wrong type */
    public static NativeDependency fromJson(Map<String, Object> json) {
        List<DevLibrary> libraries = new ArrayList<>();
        for (Object library : JsonFields.array(json, "libraries")) {
            libraries.add(DevLibrary.fromJson(object(library, "libraries")));
        }
        return new NativeDependency(string(json, "coordinates"), string(json, "origin"),
                Path.of(string(json, "folder")), string(json, "sha256"), bool(json, "headers"), libraries);
    }
}
