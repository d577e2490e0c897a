package dev.crossbuild.nativebuild;

import static dev.crossbuild.json.JsonFields.bool;
import static dev.crossbuild.json.JsonFields.object;
import static dev.crossbuild.json.JsonFields.string;

import dev.crossbuild.json.JsonFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * {@code cross-dev.json}, the manifest at the top of a development artifact ({@link DevArtifact}): format 1, the
 * Maven coordinates of the module that made it ({@code groupId:artifactId:version}), its classifier (the host
 * machine's, {@code linux-aarch_64}), whether it holds headers ({@code include/}), and its libraries. A zip entry
 * carries no symbolic link, so the links of a versioned library are listed here and made again when the artifact is
 * unpacked.
 */
public record DevManifest(String coordinates, String classifier, boolean headers, List<DevLibrary> libraries) {

    public static final String FILE = "cross-dev.json";
    static final int FORMAT = 1;

    public DevManifest {
        Objects.requireNonNull(coordinates, "coordinates");
        Objects.requireNonNull(classifier, "classifier");
        libraries = List.copyOf(libraries);
    }

    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("format", FORMAT);
        json.put("coordinates", coordinates);
        json.put("classifier", classifier);
        json.put("headers", headers);
        json.put("libraries", libraries.stream().map(DevLibrary::toJson).toList());
        return json;
    }

    /** @throws IllegalArgumentException when the manifest is of another format or damaged */
    public static DevManifest fromJson(Map<String, Object> json) {
        if (!(json.get("format") instanceof Number format) || format.intValue() != FORMAT) {
            throw new IllegalArgumentException("format " + json.get("format") + " (this version of cross reads format "
                    + FORMAT + ")");
        }
        List<DevLibrary> libraries = new ArrayList<>();
        for (Object library : JsonFields.array(json, "libraries")) {
            libraries.add(DevLibrary.fromJson(object(library, "libraries")));
        }
        return new DevManifest(string(json, "coordinates"), string(json, "classifier"), bool(json, "headers"),
                libraries);
    }
}
