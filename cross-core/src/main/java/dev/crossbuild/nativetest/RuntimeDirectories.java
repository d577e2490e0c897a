package dev.crossbuild.nativetest;

import dev.crossbuild.exec.Command;
import dev.crossbuild.exec.ProcessResult;
import dev.crossbuild.exec.ProcessRunner;
import dev.crossbuild.machine.OutputFormat;
import dev.crossbuild.nativebuild.SetupState;
import dev.crossbuild.toolchain.Compiler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a Windows toolchain keeps the DLLs its programs load ({@code libstdc++-6.dll}, {@code libgcc_s_seh-1.dll},
 * {@code libwinpthread-1.dll} for MinGW-w64 GCC): the compilers' library search folders, from
 * {@code -print-search-dirs}, as Meson puts them on {@code WINEPATH}. Only Windows hosts need them; a compiler that
 * cannot answer adds nothing (tests that need its DLLs then fail with Wine's exit code 53).
 */
public final class RuntimeDirectories {

    private static final String LIBRARIES = "libraries: =";

    private RuntimeDirectories() {
    }

    public static List<Path> of(SetupState setup, ProcessRunner runner) throws IOException {
        List<Path> folders = new ArrayList<>();
        if (OutputFormat.of(setup.host()) != OutputFormat.PE) {
            return folders;
        }
        for (Compiler compiler : setup.toolchain().compilers().values()) {
            List<String> argv = new ArrayList<>(compiler.argvWithoutLauncher());
            argv.add("-print-search-dirs");
            ProcessResult result;
            try {
                result = runner.run(Command.of(argv));
            } catch (dev.crossbuild.exec.ProgramNotFoundException e) {
                continue;
            }
            if (result.succeeded()) {
                for (Path folder : parse(result.stdout())) {
                    if (!folders.contains(folder)) {
                        folders.add(folder);
                    }
                }
            }
        }
        return folders;
    }

    /** The existing folders of the {@code libraries: =a:b:c} line, normalised. */
    static List<Path> parse(String printSearchDirs) {
        List<Path> folders = new ArrayList<>();
        for (String line : printSearchDirs.lines().toList()) {
            if (!line.startsWith(LIBRARIES)) {
                continue;
            }
            for (String entry : line.substring(LIBRARIES.length()).split(":")) {
                try {
                    Path folder = Path.of(entry).toAbsolutePath().normalize();
                    if (!entry.isBlank() && Files.isDirectory(folder) && !folders.contains(folder)) {
                        folders.add(folder);
                    }
                } catch (InvalidPathException e) {
                    // not a folder of this machine
                }
            }
        }
        return folders;
    }
}
