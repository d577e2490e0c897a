package dev.crossbuild.build;

import java.util.List;
import java.util.Objects;

/**
 * What the native-link goal links: the module's targets (only those for the host machine are linked here), in the
 * layout of one classifier, with the toolchain and options setup recorded, stripped or not.
 */
public record LinkRequest(BuildLayout layout, SetupState setup, List<NativeTarget> targets, boolean strip) {

    public LinkRequest {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(setup, "setup");
        targets = List.copyOf(targets);
    }
}
