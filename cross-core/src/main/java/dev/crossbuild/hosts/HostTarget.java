package dev.crossbuild.hosts;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One host machine a build makes outputs for: the cross files that describe it, layered in order (none: a native
 * build), and the classifier the user chose for it, when not the derived one ({@code linux-aarch_64}).
 *
 * @param spec the entry as the user wrote it ({@code linux-arm64.ini+release.ini}), for messages
 */
public record HostTarget(String spec, List<String> crossFiles, Optional<String> classifier) {

    public HostTarget {
        Objects.requireNonNull(spec, "spec");
        crossFiles = List.copyOf(crossFiles);
        Objects.requireNonNull(classifier, "classifier");
    }

    /** The single target of a build configured with {@code cross.file} (and maybe {@code cross.classifier}). */
    public static HostTarget of(List<String> crossFiles, Optional<String> classifier) {
        return new HostTarget(crossFiles.isEmpty() ? "(native build)" : String.join(",", crossFiles), crossFiles,
                classifier);
    }
}
