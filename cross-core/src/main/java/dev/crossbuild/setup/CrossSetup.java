package dev.crossbuild.setup;

import dev.crossbuild.crossfile.CrossEnvironment;
import dev.crossbuild.crossfile.CrossFileException;
import dev.crossbuild.crossfile.CrossFileLocator;
import dev.crossbuild.crossfile.MachineFileContext;
import dev.crossbuild.crossfile.MachineFileKind;
import dev.crossbuild.crossfile.MachineFileSource;
import dev.crossbuild.exec.HostEnvironment;
import dev.crossbuild.io.AtomicFiles;
import dev.crossbuild.json.Json;
import dev.crossbuild.machine.Aliases;
import dev.crossbuild.machine.BuildMachineDetector;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The core entry point behind the {@code setup} goal and the {@code introspect} command: finds the machine files,
 * reads and layers them, resolves the three machines, and writes {@code <crossDirectory>/<classifier>/setup.json}.
 */
public final class CrossSetup {

    private final HostEnvironment environment;

    public CrossSetup(HostEnvironment environment) {
        this.environment = environment;
    }

    public SetupResult run(SetupRequest request) throws CrossFileException, IOException {
        CrossEnvironment loaded = load(request.crossFiles(), request.nativeFiles(), request.searchFirst(), request.sourceRoot());
        String classifier = request.classifier().orElseGet(() -> Aliases.classifier(loaded.machines().host()));
        Path outputDirectory = request.crossDirectory().resolve(classifier);
        Path setupJson = outputDirectory.resolve("setup.json");
        AtomicFiles.writeString(setupJson, Json.write(Introspection.of(loaded, classifier)) + "\n");
        return new SetupResult(loaded, classifier, outputDirectory, setupJson);
    }

    /** Reads and layers the named files without writing anything. */
    public CrossEnvironment load(List<String> crossFiles, List<String> nativeFiles, List<Path> searchFirst,
                                 Optional<Path> sourceRoot) throws CrossFileException {
        CrossFileLocator locator = new CrossFileLocator(environment);
        List<MachineFileSource> cross = locate(locator, crossFiles, MachineFileKind.CROSS, searchFirst);
        List<MachineFileSource> natives = locate(locator, nativeFiles, MachineFileKind.NATIVE, searchFirst);
        MachineFileContext context = new MachineFileContext(sourceRoot, environment.property("user.home").map(Path::of));
        return CrossEnvironment.load(cross, natives, BuildMachineDetector.detect(environment), context);
    }

    private static List<MachineFileSource> locate(CrossFileLocator locator, List<String> names, MachineFileKind kind,
                                                  List<Path> searchFirst) throws CrossFileException {
        List<MachineFileSource> sources = new ArrayList<>();
        for (String name : names) {
            sources.add(locator.locate(name, kind, searchFirst));
        }
        return sources;
    }
}
