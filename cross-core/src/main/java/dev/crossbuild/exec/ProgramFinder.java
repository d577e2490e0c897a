package dev.crossbuild.exec;

import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Finds programs the way a shell would, but on the {@code PATH} of a {@link HostEnvironment} rather than the JVM's:
 * {@link ProcessBuilder} resolves a bare name on the JVM's own PATH, so code that must honour a PATH given to it
 * (tests with fake compilers, a build with a changed environment) resolves the name here and runs the absolute path.
 * On Windows ({@code os.name} of the environment) the {@code PATHEXT} suffixes are tried as well.
 */
public final class ProgramFinder {

    private final HostEnvironment environment;

    public ProgramFinder(HostEnvironment environment) {
        this.environment = environment;
    }

    /**
     * The program's absolute path: a name containing a path separator is resolved against the working directory
     * (like a shell does); a bare name is looked up in each {@code PATH} directory in order. Empty when there is no
     * such executable file.
     */
    public Optional<Path> find(String program) {
        if (program.isEmpty()) {
            return Optional.empty();
        }
        if (program.indexOf('/') >= 0 || program.indexOf('\\') >= 0) {
            try {
                return executable(environment.workingDirectory().resolve(program).normalize());
            } catch (InvalidPathException e) {
                return Optional.empty();
            }
        }
        for (Path directory : directories()) {
            Optional<Path> found = executable(directory.resolve(program));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /**
     * Names of the executables on {@code PATH} that {@code accept} takes, each once (the first directory that has it
     * wins), in PATH order and, within a directory, sorted by name. For versioned tools: {@code aarch64-linux-gnu-gcc-12}.
     */
    public List<String> namesOnPath(Predicate<String> accept) {
        Set<String> names = new LinkedHashSet<>();
        for (Path directory : directories()) {
            List<String> here = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
                for (Path entry : entries) {
                    String name = entry.getFileName().toString();
                    if (accept.test(name) && executable(entry).isPresent()) {
                        here.add(name);
                    }
                }
            } catch (IOException | DirectoryIteratorException e) {
                continue; // a PATH entry that is not a readable directory: shells skip it too
            }
            here.sort(null);
            names.addAll(here);
        }
        return List.copyOf(names);
    }

    /** The {@code PATH} directories, absolute, without empty entries (which would mean the working directory). */
    public List<Path> directories() {
        String path = environment.variable("PATH").orElse("");
        String separator = isWindows() ? ";" : ":";
        List<Path> directories = new ArrayList<>();
        for (String entry : path.split(separator, -1)) {
            if (entry.isBlank()) {
                continue;
            }
            try {
                directories.add(environment.workingDirectory().resolve(entry));
            } catch (InvalidPathException e) {
                // not a path on this system: nothing can be found there
            }
        }
        return directories;
    }

    private Optional<Path> executable(Path candidate) {
        if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
            return Optional.of(candidate.toAbsolutePath());
        }
        if (isWindows() && !candidate.getFileName().toString().contains(".")) {
            for (String suffix : environment.variable("PATHEXT").orElse(".COM;.EXE;.BAT;.CMD").split(";")) {
                Path withSuffix = candidate.resolveSibling(candidate.getFileName() + suffix.toLowerCase(Locale.ROOT));
                if (!suffix.isEmpty() && Files.isRegularFile(withSuffix)) {
                    return Optional.of(withSuffix.toAbsolutePath());
                }
            }
        }
        return Optional.empty();
    }

    private boolean isWindows() {
        return environment.property("os.name").map(name -> name.startsWith("Windows")).orElse(false);
    }
}
