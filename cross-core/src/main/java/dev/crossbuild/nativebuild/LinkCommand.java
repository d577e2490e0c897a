package dev.crossbuild.nativebuild;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How one target is linked: the argv to run in {@code directory}, which writes {@code temporary} (and
 * {@code temporaryImportLibrary}); the argv names the files under {@code directory} relative to it (see
 * {@link LinkPlanner}).
 * The finished files are renamed to {@code output} (and {@code importLibrary}). {@code inputs} are the files whose
 * change makes the output out of date: the target's objects and the project libraries it links. {@code aliases} are
 * the symbolic links made beside a versioned shared library once it is in place ({@code libz.so -> libz.so.1}).
 */
public record LinkCommand(NativeTarget target, List<String> argv, Path directory, Path output, Path temporary,
        Optional<Path> importLibrary, Optional<Path> temporaryImportLibrary, List<Path> inputs,
        List<OutputNames.Alias> aliases) {

    public LinkCommand {
        Objects.requireNonNull(target, "target");
        argv = List.copyOf(argv);
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(temporary, "temporary");
        Objects.requireNonNull(importLibrary, "importLibrary");
        Objects.requireNonNull(temporaryImportLibrary, "temporaryImportLibrary");
        inputs = List.copyOf(inputs);
        aliases = List.copyOf(aliases);
    }

    /** A command making no aliases. */
    public LinkCommand(NativeTarget target, List<String> argv, Path directory, Path output, Path temporary,
                       Optional<Path> importLibrary, Optional<Path> temporaryImportLibrary, List<Path> inputs) {
        this(target, argv, directory, output, temporary, importLibrary, temporaryImportLibrary, inputs, List.of());
    }

    /** This command with {@code more} files whose change makes the output out of date. */
    public LinkCommand withInputs(List<Path> more) {
        List<Path> all = new ArrayList<>(inputs);
        all.addAll(more);
        return new LinkCommand(target, argv, directory, output, temporary, importLibrary, temporaryImportLibrary, all,
                aliases);
    }

    /** Where the aliases go: beside the output. */
    public List<Path> aliasPaths() {
        return aliases.stream().map(alias -> output.resolveSibling(alias.name())).toList();
    }
}
