package dev.crossbuild.nativebuild;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the native-link goal links: the module's targets (only those for the host machine are linked here), in the
 * layout of one classifier, with the toolchain and options setup recorded, stripped or not.
 *
 * <p>{@code librariesLinkedIn}: when present, the libraries among {@code targets} were linked already, in that
 * layout (by the native-link goal), and are not linked again: the executables of {@code targets} are linked against
 * them there. This is how the native test programs, in their own layout ({@link BuildLayout#test()}), link the
 * module's libraries.
 *
 * <p>{@code reproducible}: the linker writes no time stamp into PE files ({@link LinkPlanner}); ELF links are
 * reproducible as they are.
 */
public record LinkRequest(BuildLayout layout, SetupState setup, List<NativeTarget> targets, boolean strip,
                          Optional<BuildLayout> librariesLinkedIn, boolean reproducible) {

    public LinkRequest {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(setup, "setup");
        targets = List.copyOf(targets);
        Objects.requireNonNull(librariesLinkedIn, "librariesLinkedIn");
    }

    /** A reproducible link. */
    public LinkRequest(BuildLayout layout, SetupState setup, List<NativeTarget> targets, boolean strip,
                       Optional<BuildLayout> librariesLinkedIn) {
        this(layout, setup, targets, strip, librariesLinkedIn, true);
    }

    /** Links every target in {@code layout}, reproducibly. */
    public LinkRequest(BuildLayout layout, SetupState setup, List<NativeTarget> targets, boolean strip) {
        this(layout, setup, targets, strip, Optional.empty());
    }

    /** Where the project libraries the targets link are: {@code librariesLinkedIn}, else {@code layout}. */
    public BuildLayout librariesLayout() {
        return librariesLinkedIn.orElse(layout);
    }
}
