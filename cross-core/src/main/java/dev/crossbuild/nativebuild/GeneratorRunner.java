package dev.crossbuild.nativebuild;

import dev.crossbuild.exec.Command;
import dev.crossbuild.exec.ProcessResult;
import dev.crossbuild.exec.ProcessRunner;
import dev.crossbuild.exec.ProgramNotFoundException;
import dev.crossbuild.io.AtomicFiles;
import dev.crossbuild.io.FileTrees;
import dev.crossbuild.io.FolderException;
import dev.crossbuild.io.Folders;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Runs the planned generators that are stale, one after the other, natively (a build-machine program never needs
 * the host's exe_wrapper). A generator is up to date when every output exists and was recorded with the same
 * fingerprint ({@link GeneratorStep#fingerprint()}) and neither the tool's program nor any input changed since.
 *
 * <p>A run writes into its own folder; only when the tool exited with 0 and wrote every declared output are the
 * outputs moved into the output folder and recorded. A failure removes the outputs of earlier runs too (they no
 * longer match the generator), so the next build runs it again and nothing stale is compiled. Files in a default
 * output folder ({@code generated/<target>/}) that no generator declares any more are removed, since everything
 * there is compiled.
 */
final class GeneratorRunner {

    /** The incremental state of the generators, in the layout's root. */
    static final String STATE_FILE = "generate-state.json";

    /** How many generators there were and how many ran. */
    record Result(int total, int ran, int upToDate) {

        String summary() {
            return "ran " + ran + " of " + total + (total == 1 ? " generator (" : " generators (") + upToDate
                    + " up to date)";
        }
    }

    private final ProcessRunner runner;
    private final BuildListener listener;

    GeneratorRunner(ProcessRunner runner, BuildListener listener) {
        this.runner = runner;
        this.listener = listener;
    }

    Result run(BuildLayout layout, List<GeneratorStep> steps) throws GeneratorException, IOException {
        IncrementalState state = IncrementalState.load(layout.root().resolve(STATE_FILE));
        List<GeneratorStep> stale = new ArrayList<>();
        List<RebuildReason> reasons = new ArrayList<>();
        for (GeneratorStep step : steps) {
            Fingerprint fingerprint = step.fingerprint();
            step.outputs().stream().flatMap(output -> state.rebuildReason(output, fingerprint).stream()).findFirst()
                    .ifPresent(why -> {
                        stale.add(step);
                        reasons.add(why);
                    });
        }
        try {
            for (int i = 0; i < stale.size(); i++) {
                runOne(stale.get(i), state, "[" + (i + 1) + "/" + stale.size() + "] ", reasons.get(i));
            }
        } finally {
            state.save();
        }
        sweep(layout, steps);
        Result result = new Result(steps.size(), stale.size(), steps.size() - stale.size());
        if (!steps.isEmpty()) {
            listener.info(result.summary());
        }
        return result;
    }

    private void runOne(GeneratorStep step, IncrementalState state, String counter, RebuildReason reason)
            throws GeneratorException, IOException {
        Path project = step.workingDirectory();
        listener.info(counter + "GEN " + String.join(" ", step.outputs().stream()
                .map(o -> NativeCompiler.display(o, project)).toList()) + " (" + step.tool().name()
                + (listener.explains() ? ": " + reason.describe(project) : "") + ")");
        for (Path input : step.inputs()) {
            if (!Files.isRegularFile(input)) {
                throw failure(step, state, "cannot run: its <input> " + input + " does not exist; create it or "
                        + "correct the <input>");
            }
        }
        FileTrees.delete(step.workDirectory());
        for (Path output : Stream.concat(step.workOutputs().stream(), step.outputs().stream()).toList()) {
            try {
                Folders.create(output.getParent());
            } catch (FolderException e) {
                throw failure(step, state, "cannot run: " + e.getMessage());
            }
        }
        Instant started = Instant.now();
        ProcessResult result;
        try {
            result = runner.run(Command.of(step.argv()).withWorkingDirectory(project).withTimeout(step.timeout()));
        } catch (ProgramNotFoundException e) {
            throw failure(step, state, "cannot run: its tool " + step.program() + " does not exist (" + e.getMessage()
                    + "); it is built by the compile goal before the generators run");
        }
        String output = (result.stdout() + result.stderr()).strip();
        if (!result.succeeded()) {
            String how = result.timedOut()
                    ? "timed out after " + step.timeout().toSeconds() + " s (raise <timeout> if it needs longer)"
                    : "failed (exit code " + result.exitCode() + ")";
            throw failure(step, state, how + ":\n" + (output.isEmpty() ? "(no output)" : output)
                    + "\ncommand: " + String.join(" ", step.argv()));
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < step.outputs().size(); i++) {
            if (!Files.isRegularFile(step.workOutputs().get(i))) {
                missing.add(step.workDirectory().relativize(step.workOutputs().get(i)).toString());
            }
        }
        if (!missing.isEmpty()) {
            throw failure(step, state, "exited with 0 but did not write " + String.join(", ", missing) + " into "
                    + step.workDirectory() + " (it wrote: " + written(step.workDirectory()) + "); pass "
                    + "@OUTPUT_DIR@ or @OUTPUT0@ in <args> so the tool writes where it must, and declare in "
                    + "<outputs> exactly the files it writes" + (output.isEmpty() ? "" : "; its output:\n" + output)
                    + "\ncommand: " + String.join(" ", step.argv()));
        }
        if (!output.isEmpty()) {
            output.lines().forEach(line -> listener.info(step.tool().name() + ": " + line));
        }
        for (int i = 0; i < step.outputs().size(); i++) {
            replaceIfChanged(step.workOutputs().get(i), step.outputs().get(i));
        }
        removeWorkDirectory(step);
        for (Path produced : step.outputs()) {
            state.record(produced, step.fingerprint(), step.recordedInputs(), started);
        }
        state.save();
    }

    /** Forgets and deletes the outputs of {@code step} (they no longer match it) and says why it failed. */
    private static GeneratorException failure(GeneratorStep step, IncrementalState state, String problem)
            throws IOException {
        for (Path output : step.outputs()) {
            state.forget(output);
            Files.deleteIfExists(output);
        }
        removeWorkDirectory(step);
        String message = step.describe().substring(0, 1).toUpperCase(java.util.Locale.ROOT)
                + step.describe().substring(1) + " " + problem;
        return new GeneratorException(step.target().name(), step.tool().name(), message);
    }

    /** Removes, from default output folders only, files no generator declares (renamed or dropped outputs). */
    private static void sweep(BuildLayout layout, List<GeneratorStep> steps) throws IOException {
        Map<Path, Set<Path>> declared = new HashMap<>();
        for (GeneratorStep step : steps) {
            if (step.outputDirectory().equals(layout.generated(step.target()))) {
                declared.computeIfAbsent(step.outputDirectory(), d -> new HashSet<>()).addAll(step.outputs());
            }
        }
        for (Map.Entry<Path, Set<Path>> folder : declared.entrySet()) {
            if (!Files.isDirectory(folder.getKey())) {
                continue;
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(folder.getKey())) {
                files = walk.filter(Files::isRegularFile).toList();
            }
            for (Path file : files) {
                if (!folder.getValue().contains(file.toAbsolutePath().normalize())) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    private static String written(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            return "nothing";
        }
        List<String> names;
        try (Stream<Path> walk = Files.walk(directory)) {
            names = walk.filter(Files::isRegularFile).map(p -> directory.relativize(p).toString()).sorted().toList();
        }
        return names.isEmpty() ? "nothing" : String.join(", ", names);
    }

    /**
     * Moves {@code from} to {@code to}, unless {@code to} already has the same bytes: then it keeps its modification
     * time, so a tool that was rebuilt but writes the same source does not make its dependents recompile.
     */
    private static void replaceIfChanged(Path from, Path to) throws IOException {
        if (Files.isRegularFile(to) && Files.size(to) == Files.size(from) && Files.mismatch(from, to) == -1) {
            Files.delete(from);
            return;
        }
        AtomicFiles.move(from, to);
    }

    /** The step's work folder, and the folder of work folders when it is left empty: a build leaves no scaffolding. */
    private static void removeWorkDirectory(GeneratorStep step) throws IOException {
        FileTrees.delete(step.workDirectory());
        try {
            Files.deleteIfExists(step.workDirectory().getParent());
        } catch (DirectoryNotEmptyException e) {
            // another step's work folder, from an interrupted build: it is removed when that step runs
        }
    }
}
