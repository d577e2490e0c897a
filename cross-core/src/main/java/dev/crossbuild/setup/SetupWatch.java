package dev.crossbuild.setup;

import dev.crossbuild.crossfile.CrossFileException;
import dev.crossbuild.crossfile.CrossFileLocator;
import dev.crossbuild.crossfile.MachineFileKind;
import dev.crossbuild.exec.HostEnvironment;
import dev.crossbuild.io.GoalStamp;
import dev.crossbuild.nativebuild.BuildLayout;
import dev.crossbuild.nativebuild.NativeTarget;
import dev.crossbuild.toolchain.ToolchainJson;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The files a setup that succeeded depends on, for the setup goal's up-to-date stamp ({@link GoalStamp}); its other
 * inputs (parameters, environment, ...) are the stamp's key. Watched: each machine file where it was found, and every
 * place searched before it (a file appearing there would be read instead); the folder setup writes (minus what the
 * later goals write there); the source and test folders' names (the languages to check); every program of the
 * toolchains (compilers, launchers, ar, strip ...) and the folders of {@code PATH} (a compiler cache or a compiler
 * installed since); distcc's host lists. Nothing when setup used what a stamp cannot watch: a private sysroot (its
 * package index is fetched again after a day), other modules' development artifacts, or a machine file that is not a
 * regular file (a pipe).
 */
public final class SetupWatch {

    private SetupWatch() {
    }

    /**
     * @param testSources the test source folders whose languages setup checked besides the targets'
     */
    public static Optional<GoalStamp.Watch> of(SetupRequest request, SetupResult result, List<Path> testSources,
                                               HostEnvironment environment) throws CrossFileException {
        if (result.sysroot().isPresent() || !request.nativeDependencies().isEmpty()
                || !request.sysroot().packages().isEmpty()) {
            return Optional.empty();
        }
        List<Path> paths = new ArrayList<>();
        CrossFileLocator locator = new CrossFileLocator(environment);
        for (MachineFileKind kind : MachineFileKind.values()) {
            for (String name : kind == MachineFileKind.CROSS ? request.crossFiles() : request.nativeFiles()) {
                for (Path candidate : locator.candidates(name, kind, request.searchFirst())) {
                    paths.add(candidate);
                    if (Files.exists(candidate)) {
                        if (!Files.isRegularFile(candidate)) {
                            return Optional.empty();
                        }
                        break;
                    }
                }
            }
        }
        result.toolchain().ifPresent(toolchain -> {
            paths.addAll(ToolchainJson.programs(toolchain.toolchain()));
            toolchain.buildToolchain().ifPresent(build -> paths.addAll(ToolchainJson.programs(build)));
        });
        for (String folder : environment.variable("PATH").orElse("").split(File.pathSeparator)) {
            if (!folder.isEmpty()) {
                try {
                    paths.add(environment.workingDirectory().resolve(folder).normalize());
                } catch (InvalidPathException e) {
                    return Optional.empty();
                }
            }
        }
        environment.property("user.home").ifPresent(home -> paths.add(Path.of(home, ".distcc", "hosts")));
        paths.add(Path.of("/etc/distcc/hosts"));
        Set<Path> listings = new LinkedHashSet<>(testSources);
        for (NativeTarget target : request.targets()) {
            listings.addAll(target.sourceDirectories());
        }
        BuildLayout layout = new BuildLayout(result.outputDirectory());
        return Optional.of(new GoalStamp.Watch(List.of(layout.root()), List.copyOf(listings),
                List.copyOf(new LinkedHashSet<>(paths)), Set.copyOf(layout.writtenAfterSetup())));
    }
}
