package dev.crossbuild.toolchain;

import dev.crossbuild.exec.Command;
import dev.crossbuild.exec.ProcessResult;
import dev.crossbuild.exec.ProcessRunner;
import dev.crossbuild.machine.FileNaming;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Questions the doctor asks a compiler, with the arguments the build will give it ({@code <lang>_args}, and
 * {@code <lang>_link_args} for anything the linker decides): where it finds a file ({@code -print-file-name}),
 * where its libgcc is, whether a tiny program compiles or links. Each answer is one compiler run.
 */
final class CompilerQueries {

    private final ProcessRunner runner;
    private final MachineSetup setup;

    CompilerQueries(ProcessRunner runner, MachineSetup setup) {
        this.runner = runner;
        this.setup = setup;
    }

    /** The compiler without launcher, then {@code <lang>_args}. */
    List<String> compileArgv(Compiler compiler) {
        List<String> argv = new ArrayList<>(compiler.argvWithoutLauncher());
        argv.addAll(setup.stringListOption(compiler.language().binaryKey() + "_args"));
        return argv;
    }

    /** {@link #compileArgv}, then {@code <lang>_link_args}. */
    List<String> linkArgv(Compiler compiler) {
        List<String> argv = compileArgv(compiler);
        argv.addAll(setup.stringListOption(compiler.language().binaryKey() + "_link_args"));
        return argv;
    }

    /**
     * Where the compiler would take {@code name} from when linking. gcc and clang answer with the bare name when
     * they do not find it; an answer that is not an existing file counts as not found too.
     */
    Optional<Path> printFileName(Compiler compiler, String name) {
        return existingFile(query(compiler, "-print-file-name=" + name), name);
    }

    /**
     * Where the linker takes the library {@code name} ({@code libc.so}, {@code libz.a}) from: a {@code -L} folder of the
     * link arguments first (the linker searches them before its own), then where the compiler looks by itself. A
     * start file ({@code Scrt1.o}) is only asked with {@code -print-file-name}, which honours {@code -B}.
     */
    Optional<Path> findFile(Compiler compiler, String name) {
        if (name.startsWith("lib")) {
            Optional<Path> inFolders = inLibraryFolders(compiler, name);
            if (inFolders.isPresent()) {
                return inFolders;
            }
        }
        return printFileName(compiler, name);
    }

    /**
     * {@code name} in a {@code -L} folder of the link arguments ({@code -L<dir>} or {@code -L <dir>}), in order: where
     * the linker also looks, though {@code -print-file-name} does not. A relative folder is read from the folder the
     * runner runs the compiler in (the module's, as for the build's links); without one it cannot be placed.
     */
    Optional<Path> inLibraryFolders(Compiler compiler, String name) {
        List<String> argv = linkArgv(compiler);
        for (int i = 0; i < argv.size(); i++) {
            String folder = argv.get(i).equals("-L") && i + 1 < argv.size() ? argv.get(i + 1)
                    : argv.get(i).startsWith("-L") ? argv.get(i).substring(2) : null;
            if (folder == null || folder.isEmpty()) {
                continue;
            }
            try {
                Path candidate = Path.of(folder).resolve(name);
                if (!candidate.isAbsolute() && runner.directory().isPresent()) {
                    candidate = runner.directory().get().resolve(candidate);
                }
                if (candidate.isAbsolute() && Files.isRegularFile(candidate)) {
                    return Optional.of(candidate.normalize());
                }
            } catch (InvalidPathException e) {
                // not a folder: the linker would not find it there either
            }
        }
        return Optional.empty();
    }

    /** The libgcc the compiler links with ({@code -print-libgcc-file-name}), when it exists. */
    Optional<Path> libgcc(Compiler compiler) {
        return existingFile(query(compiler, "-print-libgcc-file-name"), "libgcc.a");
    }

    private Optional<String> query(Compiler compiler, String option) {
        List<String> argv = linkArgv(compiler);
        argv.add(option);
        try {
            ProcessResult result = runner.run(Command.of(argv).withTimeout(CompilerProbe.TIMEOUT));
            return result.succeeded() ? Optional.of(result.stdout().strip()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> existingFile(Optional<String> answer, String bareName) {
        if (answer.isEmpty() || answer.get().isEmpty() || answer.get().equals(bareName)) {
            return Optional.empty();
        }
        try {
            Path path = Path.of(answer.get());
            return path.isAbsolute() && Files.isRegularFile(path) ? Optional.of(path.normalize()) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /**
     * Writes {@code source} to {@code directory/fileName} and runs the compiler on it in that directory:
     * {@code link} true links it into {@code a test program}, false only checks it ({@code -fsyntax-only}).
     */
    ProcessResult build(Compiler compiler, Path directory, String fileName, String source, boolean link)
            throws IOException {
        return build(compiler, directory, fileName, source, link, List.of());
    }

    /** {@link #build(Compiler, Path, String, String, boolean)} with {@code extra} arguments after the machine file's. */
    ProcessResult build(Compiler compiler, Path directory, String fileName, String source, boolean link,
            List<String> extra) throws IOException {
        Path file = directory.toAbsolutePath().resolve(fileName);
        Files.writeString(file, source);
        List<String> argv = link ? linkArgv(compiler) : compileArgv(compiler);
        argv.addAll(extra);
        argv.add(file.toString());
        if (link) {
            argv.add("-o");
            argv.add(file.resolveSibling(FileNaming.executable(setup.machine().system(),
                    fileName.substring(0, fileName.indexOf('.')))).toString());
        } else {
            argv.add("-fsyntax-only");
        }
        // Absolute names, no working directory: the probe runs where the runner runs the build's compiles (the
        // module's folder), so a relative path in the machine file's arguments means what it means there.
        return runner.run(Command.of(argv).withTimeout(CompilerProbe.TIMEOUT));
    }
}
