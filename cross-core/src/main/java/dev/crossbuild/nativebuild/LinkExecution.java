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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * One link being run: link, strip and verify in {@code tmp/<target>/}, then rename into place (debug file and import
 * library first, the output last) and record it. When anything fails, the target's previous files and record are
 * removed too, and the temporary folder always goes.
 */
final class LinkExecution {

    private final ProcessRunner runner;
    private final BuildListener listener;
    private final BuildLayout layout;
    private final LinkStep step;
    private final String counter;
    private final String shown;

    /** @param counter {@code [2/3] }: the progress prefix of this link's lines */
    LinkExecution(ProcessRunner runner, BuildListener listener, BuildLayout layout, LinkStep step, String counter) {
        this.runner = runner;
        this.listener = listener;
        this.layout = layout;
        this.step = step;
        this.counter = counter;
        this.shown = OutputsJson.relative(layout, step.command().output());
    }

    /** The verified output, after it was renamed into place and recorded in {@code state}. */
    VerifiedOutput run(OutputVerifier verifier, IncrementalState state, RebuildReason reason)
            throws LinkException, VerificationException, IOException {
        LinkCommand command = step.command();
        Path temporaryDirectory = command.temporary().getParent();
        checkObjects();
        try {
            FileTrees.delete(temporaryDirectory);
            createFolders(temporaryDirectory);
            listener.info(counter + "LINK " + shown
                    + (listener.explains() ? " (" + reason.describe(layout.root()) + ")" : ""));
            // The link runs where its relative paths start (LinkPlanner); strip is given absolute ones.
            execute(Command.of(command.argv()).withWorkingDirectory(command.directory()), "Linking " + shown);
            if (step.strip().isPresent()) {
                StripPlan strip = step.strip().get();
                listener.info(counter + "STRIP " + shown);
                if (strip.copyAsDebugFile()) {
                    Files.copy(strip.file(), strip.debugFile());
                }
                for (List<String> argv : strip.commands()) {
                    execute(Command.of(argv), "Stripping " + shown);
                }
            }
            VerifiedOutput verified = verifier.verify(command.temporary(), command.output());
            if (step.debugFile().isPresent()) {
                AtomicFiles.move(step.strip().orElseThrow().debugFile(), step.debugFile().get());
            } else {
                Files.deleteIfExists(OutputNames.debugPath(layout, command.output().getFileName().toString()));
            }
            if (command.importLibrary().isPresent()) {
                AtomicFiles.move(command.temporaryImportLibrary().orElseThrow(), command.importLibrary().get());
            }
            AtomicFiles.move(command.temporary(), command.output());
            // The state stamps the output too: changed by hand, it is linked again (and its outputs.json entry,
            // which a later build reuses while the output is unchanged, is made anew).
            state.record(command.output(), step.fingerprint(), command.inputs());
            state.save();
            listener.info(verified.summary() + step.debugFile()
                    .map(debug -> ", stripped (" + OutputsJson.relative(layout, debug) + ")")
                    .orElse(verified.stripped() || step.target().kind() == TargetKind.STATIC_LIBRARY
                            ? "" : ", not stripped"));
            return verified;
        } catch (Throwable failure) {
            try {
                forgetOutputs(state);
            } catch (IOException e) {
                failure.addSuppressed(e);
            }
            throw failure;
        } finally {
            FileTrees.delete(temporaryDirectory);
        }
    }

    /**
     * The link's work folder and the folders its files are renamed into, each made now or explained: a file named
     * {@code lib} fails here with what to do, not after the link with a bare path.
     */
    private void createFolders(Path temporaryDirectory) throws LinkException, IOException {
        LinkCommand command = step.command();
        List<Path> folders = Stream.of(Stream.of(temporaryDirectory, command.output().getParent()),
                command.importLibrary().stream().map(Path::getParent),
                step.debugFile().stream().map(Path::getParent)).flatMap(s -> s).toList();
        for (Path folder : folders) {
            try {
                Folders.create(folder);
            } catch (FolderException e) {
                throw new LinkException(step.target().name(), "Linking " + shown + ": " + e.getMessage());
            }
        }
    }

    private void checkObjects() throws LinkException {
        for (int i = 0; i < step.objects().size(); i++) {
            if (!Files.isRegularFile(step.objects().get(i))) {
                NativeTarget target = step.target();
                throw new LinkException(target.name(), LinkOrder.element(target) + " " + target.name()
                        + ": the object " + OutputsJson.relative(layout, step.objects().get(i)) + " of "
                        + step.sources().get(i).path() + " is missing; run the compile goal first (it runs in "
                        + "the compile phase, e.g. mvn package).");
            }
        }
    }

    /** Runs one tool; its output on success goes to the log as warnings (linker warnings), on failure into the exception. */
    private void execute(Command command, String what) throws LinkException, IOException {
        List<String> argv = command.argv();
        ProcessResult result;
        try {
            result = runner.run(command);
        } catch (ProgramNotFoundException e) {
            throw new LinkException(step.target().name(), what + ": " + e.getMessage()
                    + " The toolchain changed since setup ran; build from the setup goal on (e.g. mvn package).");
        }
        String output = (result.stdout() + result.stderr()).strip();
        if (!result.succeeded()) {
            String how = result.timedOut() ? "timed out after " + result.elapsed().toSeconds() + " s"
                    : "failed (exit code " + result.exitCode() + ")";
            throw new LinkException(step.target().name(), what + " " + how + ":\n"
                    + (output.isEmpty() ? "(no output)" : output) + "\ncommand"
                    + command.workingDirectory().map(d -> " (in " + d + ")").orElse("") + ": " + String.join(" ", argv)
                    + undefinedSymbolsHint(argv, output));
        }
        if (!output.isEmpty()) {
            output.lines().forEach(listener::warn);
        }
    }

    /**
     * When a shared library linked with {@code -Wl,--no-undefined} (Meson's {@code b_lundef}, the default) fails on
     * undefined references: what that means and the two ways out. Empty otherwise.
     */
    static String undefinedSymbolsHint(List<String> argv, String output) {
        boolean undefined = output.contains("undefined reference to") || output.contains("undefined symbol");
        if (!undefined || !argv.contains("-Wl,--no-undefined") || !argv.contains("-shared")) {
            return "";
        }
        return "\nThe library uses symbols that neither its objects nor the libraries it links define. Shared "
                + "libraries link with -Wl,--no-undefined (Meson's b_lundef, on by default), so this shows now rather "
                + "than when the library is loaded: link the library that defines them (cos, sqrt ...: "
                + "<linkerArgs><arg>-lm</arg></linkerArgs>; another library of the module: <libraries>; pkg-config: "
                + "<dependencies>), or, when the program loading the library provides them, allow it with "
                + "<noUndefined>false</noUndefined> (-Dcross.noUndefined=false, or b_lundef = false in the cross "
                + "file's [built-in options]).";
    }

    /** After a failure: the previous files of this target are gone and so is their record. */
    private void forgetOutputs(IncrementalState state) throws IOException {
        LinkCommand command = step.command();
        state.forget(command.output());
        state.save();
        for (Path alias : command.aliasPaths()) {
            Files.deleteIfExists(alias);
        }
        Files.deleteIfExists(command.output());
        if (command.importLibrary().isPresent()) {
            Files.deleteIfExists(command.importLibrary().get());
        }
        Files.deleteIfExists(OutputNames.debugPath(layout, command.output().getFileName().toString()));
    }

}
