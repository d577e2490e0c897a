package dev.crossbuild.nativebuild;

import dev.crossbuild.io.GoalStamp;
import dev.crossbuild.machine.MachineRole;
import dev.crossbuild.toolchain.ToolchainJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The files the compile and native-link goals depend on, for their up-to-date stamps ({@link GoalStamp}); their
 * other inputs (parameters, environment, project properties) are the stamps' key. Watched whole: each classifier's
 * folder (setup.json, objects, depfiles, outputs, state files; not the lock, {@code tmp/} or the tests'
 * {@code test/}) and the targets' source folders; then every input the incremental state recorded (headers outside
 * the module, from the depfiles) and every program of the toolchains. Nothing when a target depends on what a stamp
 * cannot watch: pkg-config's answers ({@code <dependencies>}), generators and build-machine tools (whatever their
 * programs read), other modules' development artifacts.
 */
public final class BuildWatch {

    private BuildWatch() {
    }

    /**
     * The compile goal's watch: {@code jni} adds the compiled classes, their class path and the headers folder;
     * {@code setups} are the classifiers built; {@code linked}: compile linked them too (several targets at once), so
     * the links' recorded inputs count as well as the compiles'.
     */
    public static Optional<GoalStamp.Watch> compile(Map<BuildLayout, SetupState> setups, List<NativeTarget> targets,
                                                    Optional<JniInputs> jni, boolean linked) {
        Set<Path> trees = new LinkedHashSet<>();
        List<Path> paths = new ArrayList<>();
        jni.ifPresent(inputs -> {
            trees.add(inputs.classesDirectory());
            trees.add(inputs.headersDirectory());
            for (Path element : inputs.classpath()) {
                (Files.isDirectory(element) ? trees : paths).add(element);
            }
        });
        List<String> stateFiles = linked ? List.of(NativeCompiler.STATE_FILE, NativeLinker.STATE_FILE)
                : List.of(NativeCompiler.STATE_FILE);
        return watch(setups, targets, trees, paths, stateFiles);
    }

    /**
     * The native-link goal's watch: also the bundle folder in the classes and the jars it wrote. The links' recorded
     * inputs only: what the objects were compiled from is the compile goal's to watch.
     */
    public static Optional<GoalStamp.Watch> link(Map<BuildLayout, SetupState> setups, List<NativeTarget> targets,
                                                 Path bundleFolder, List<Path> written) {
        Set<Path> trees = new LinkedHashSet<>();
        trees.add(bundleFolder);
        return watch(setups, targets, trees, new ArrayList<>(written), List.of(NativeLinker.STATE_FILE));
    }

    /** {@code stateFiles}: the incremental state files, in each classifier's folder, whose recorded inputs count. */
    private static Optional<GoalStamp.Watch> watch(Map<BuildLayout, SetupState> setups, List<NativeTarget> targets,
                                                   Set<Path> trees, List<Path> paths, List<String> stateFiles) {
        for (NativeTarget target : targets) {
            if (!target.dependencies().isEmpty() || !target.generators().isEmpty()
                    || target.machine() == MachineRole.BUILD) {
                return Optional.empty();
            }
            trees.addAll(target.sourceDirectories());
        }
        Set<Path> excluded = new LinkedHashSet<>();
        for (Map.Entry<BuildLayout, SetupState> entry : setups.entrySet()) {
            SetupState setup = entry.getValue();
            if (!setup.nativeDependencies().isEmpty() || setup.buildToolchain().isPresent()) {
                return Optional.empty();
            }
            Path root = entry.getKey().root();
            trees.add(root);
            excluded.addAll(entry.getKey().unwatched());
            for (String stateFile : stateFiles) {
                paths.addAll(IncrementalState.load(root.resolve(stateFile)).recordedPaths());
            }
            paths.addAll(ToolchainJson.programs(setup.toolchain()));
        }
        // Inside a watched tree already: stamped once.
        List<Path> outside = new ArrayList<>();
        for (Path path : new LinkedHashSet<>(paths)) {
            if (trees.stream().noneMatch(path::startsWith)) {
                outside.add(path);
            }
        }
        return Optional.of(new GoalStamp.Watch(List.copyOf(trees), List.of(), outside, excluded));
    }
}
