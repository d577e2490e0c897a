package dev.crossbuild.nativebuild;

import dev.crossbuild.error.CrossException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The native-link goal's work for one host machine, its one entry point: link ({@link NativeLinker}), add the
 * native dependencies' shared libraries the outputs need ({@link NativeDependencies#withPacked}), then write the
 * files the build attaches: the classifier jar and the debug jar ({@link NativeJar#writeAll}) and the development
 * artifact ({@link DevArtifact}). The plugin only attaches them and bundles the outputs of every host.
 */
public final class LinkAndPackage {

    private LinkAndPackage() {
    }

    /**
     * What to attach, in {@code directory}: {@code <baseName>-<classifier>.jar} and its {@code -debug.jar}, and with
     * {@code devArtifact} the development artifact ({@code <baseName>-<classifier>-dev.zip}) of the module
     * {@code coordinates} at {@code version}, with the {@code publicHeaders} folder.
     */
    public record Attach(Path directory, String baseName, String coordinates, String version,
                         Optional<Path> publicHeaders, boolean devArtifact) {
        public Attach {
            Objects.requireNonNull(directory, "directory");
            Objects.requireNonNull(baseName, "baseName");
            Objects.requireNonNull(coordinates, "coordinates");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(publicHeaders, "publicHeaders");
        }
    }

    /** A file to attach: its classifier, the file, and its type ({@code jar}, or the development artifact's). */
    public record Artifact(String classifier, Path file, String type) {
    }

    /** The outputs as they travel (with the dependencies' libraries they need), and the files written of them. */
    public record Result(List<LinkedOutput> outputs, List<Artifact> artifacts) {
        public Result {
            outputs = List.copyOf(outputs);
            artifacts = List.copyOf(artifacts);
        }
    }

    /**
     * @param classifier the host's classifier, which names the attached files
     * @param attach empty: nothing is written besides the outputs
     * @throws CrossException as {@link NativeLinker#link}, {@link NativeDependencies#withPacked} and
     *     {@link DevArtifact#write} do
     */
    public static Result run(NativeLinker linker, LinkRequest request, String classifier, Optional<Attach> attach)
            throws CrossException, IOException {
        LinkResult linked = linker.link(request);
        SetupState setup = request.setup();
        List<LinkedOutput> packed = NativeDependencies.withPacked(setup.host(), setup.nativeDependencies(),
                linked.outputs());
        List<Artifact> artifacts = new ArrayList<>();
        if (attach.isPresent()) {
            Attach to = attach.get();
            for (NativeJar.Written jar : NativeJar.writeAll(to.directory(), to.baseName() + "-" + classifier,
                    classifier, packed)) {
                artifacts.add(new Artifact(jar.classifier(), jar.file(), "jar"));
            }
            if (to.devArtifact()) {
                String devClassifier = DevArtifact.classifier(classifier);
                Path zip = to.directory().resolve(to.baseName() + "-" + devClassifier + "." + DevArtifact.TYPE);
                // What this module made: a native dependency's libraries are in that dependency's own artifact.
                DevArtifact.write(zip, new DevArtifact.Request(to.coordinates(), to.version(), classifier,
                        to.publicHeaders(), request.layout(), setup.host(), linked.outputs()));
                artifacts.add(new Artifact(devClassifier, zip, DevArtifact.TYPE));
            }
        }
        return new Result(packed, artifacts);
    }
}
