package dev.crossbuild.nativebuild;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A development artifact ({@link DevArtifact}) found for one classifier of a consumer: the dependency's coordinates
 * as {@code <nativeDependencies>} names them ({@code groupId:artifactId:version}), its artifactId (the folder it is
 * unpacked into, {@code deps/<artifactId>/}), the zip, and where it was found, as a message says it ({@code the
 * reactor (module codec)}, {@code the repository}).
 */
public record ResolvedDevArtifact(String coordinates, String artifactId, Path file, String origin) {

    public ResolvedDevArtifact {
        Objects.requireNonNull(coordinates, "coordinates");
        Objects.requireNonNull(artifactId, "artifactId");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(origin, "origin");
        if (!artifactId.matches("[A-Za-z0-9_][A-Za-z0-9_.-]*")) {
            throw new IllegalArgumentException("artifactId '" + artifactId + "' cannot name a folder");
        }
    }
}
