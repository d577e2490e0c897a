package dev.crossbuild.nativebuild;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything about one target's link, decided before anything runs: the link command, the strip plan (when the
 * output is stripped) and where its debug file goes, the fingerprint the incremental state compares, and the project
 * libraries it links (when one of them is relinked, so is this target).
 */
record LinkStep(NativeTarget target, LinkCommand command, Optional<StripPlan> strip, Optional<Path> debugFile,
        String fingerprint, List<NativeTarget> libraries, List<SourceFile> sources, List<Path> objects) {

    /** Linked with this fingerprint before, from the same inputs, and every file it made is still there. */
    boolean upToDate(IncrementalState state) {
        return state.upToDate(command.output(), fingerprint)
                && command.importLibrary().map(Files::isRegularFile).orElse(true)
                && debugFile.map(Files::isRegularFile).orElse(true);
    }
}
