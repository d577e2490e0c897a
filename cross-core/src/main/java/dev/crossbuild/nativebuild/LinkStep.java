package dev.crossbuild.nativebuild;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Everything about one target's link, decided before anything runs: the link command, the strip plan (when the
 * output is stripped) and where its debug file goes, the fingerprint the incremental state compares, and the project
 * libraries it links (when one of them is relinked, so is this target).
 */
record LinkStep(NativeTarget target, LinkCommand command, Optional<StripPlan> strip, Optional<Path> debugFile,
        Fingerprint fingerprint, List<NativeTarget> libraries, List<SourceFile> sources, List<Path> objects) {

    /**
     * Empty when it was linked with this fingerprint before, from the same inputs, and every file it made is still
     * there; else why not.
     */
    Optional<RebuildReason> rebuildReason(IncrementalState state) {
        return state.rebuildReason(command.output(), fingerprint)
                .or(() -> Stream.concat(command.importLibrary().stream(), debugFile.stream())
                        .filter(file -> !Files.isRegularFile(file)).findFirst().map(RebuildReason.OutputMissing::new));
    }
}
