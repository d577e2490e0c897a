package dev.crossbuild.nativebuild;

import java.nio.file.Path;
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
 * <p>{@code portability}: the portability gate every shared library and executable goes through after verification
 * (native-link's {@code <portability>}); empty: no checks, and the {@code portability} entries an earlier native-link
 * wrote into {@code outputs.json} are left as they are (the compile goal's links of several targets, test programs,
 * build-machine tools).
 *
 * <p>{@code reproducible}: the linker writes no time stamp into PE files ({@link LinkPlanner}); ELF links are
 * reproducible as they are.
 *
 * <p>{@code directory}: where the links run, the module's folder as for compiles (so a relative path in
 * {@code c_link_args} or {@code <linkerArgs>} means what it means in {@code c_args}); the link names the module's
 * files relative to it ({@link LinkPlanner}). Empty: the root of the libraries' layout.
 */
public record LinkRequest(BuildLayout layout, SetupState setup, List<NativeTarget> targets, boolean strip,
                          Optional<BuildLayout> librariesLinkedIn, Optional<PortabilityPolicy> portability,
                          boolean reproducible, Optional<Path> directory) {

    public LinkRequest {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(setup, "setup");
        targets = List.copyOf(targets);
        Objects.requireNonNull(librariesLinkedIn, "librariesLinkedIn");
        Objects.requireNonNull(portability, "portability");
        directory = directory.map(d -> d.toAbsolutePath().normalize());
    }

    public LinkRequest(BuildLayout layout, SetupState setup, List<NativeTarget> targets, boolean strip,
                       Optional<BuildLayout> librariesLinkedIn, Optional<PortabilityPolicy> portability,
                       boolean reproducible) {
        this(layout, setup, targets, strip, librariesLinkedIn, portability, reproducible, Optional.empty());
    }

    /**
     * Links the targets, with the libraries among them linked in {@code librariesLinkedIn}, reproducibly, without
     * portability checks.
     */
    public LinkRequest(BuildLayout layout, SetupState setup, List<NativeTarget> targets, boolean strip,
                       Optional<BuildLayout> librariesLinkedIn) {
        this(layout, setup, targets, strip, librariesLinkedIn, Optional.empty(), true);
    }

    /** Links every target in {@code layout}, reproducibly, without portability checks. */
    public LinkRequest(BuildLayout layout, SetupState setup, List<NativeTarget> targets, boolean strip) {
        this(layout, setup, targets, strip, Optional.empty());
    }

    /** Links every target in {@code layout} and checks each shared library and executable with {@code portability}. */
    public LinkRequest(BuildLayout layout, SetupState setup, List<NativeTarget> targets, boolean strip,
                       PortabilityPolicy portability) {
        this(layout, setup, targets, strip, Optional.empty(), Optional.of(portability), true);
    }

    /** This request, with or without the reproducibility flags. */
    public LinkRequest withReproducible(boolean value) {
        return new LinkRequest(layout, setup, targets, strip, librariesLinkedIn, portability, value, directory);
    }

    /** This request, linking in {@code module} (the module's folder). */
    public LinkRequest in(Path module) {
        return new LinkRequest(layout, setup, targets, strip, librariesLinkedIn, portability, reproducible,
                Optional.of(module));
    }

    /** Where the links run: {@code directory}, else the root of the libraries' layout. */
    public Path workingDirectory() {
        return directory.orElseGet(() -> librariesLayout().root());
    }

    /** Where the project libraries the targets link are: {@code librariesLinkedIn}, else {@code layout}. */
    public BuildLayout librariesLayout() {
        return librariesLinkedIn.orElse(layout);
    }
}
