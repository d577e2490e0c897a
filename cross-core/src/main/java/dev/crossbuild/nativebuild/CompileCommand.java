package dev.crossbuild.nativebuild;

import dev.crossbuild.toolchain.Language;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One compiler run: the argv to start (a launcher such as {@code ccache} first, when the cross file names one), the
 * source, the object it produces, the depfile the compiler writes beside it, and the temporary name the compiler
 * writes the object to ({@code -o}); the object is renamed into place only when the compiler succeeds.
 * {@code launcherLength} is how many leading argv elements are the launcher (0 or 1).
 */
public record CompileCommand(List<String> argv, Path source, Path object, Path depfile, Language language,
                             Path temporaryObject, int launcherLength) {

    public CompileCommand {
        argv = List.copyOf(argv);
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(depfile, "depfile");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(temporaryObject, "temporaryObject");
        if (launcherLength < 0 || launcherLength >= argv.size()) {
            throw new IllegalArgumentException("launcherLength " + launcherLength + " for argv " + argv);
        }
    }

    /** The argv as it would produce the object directly: the temporary name replaced by the object's. */
    public List<String> finalArgv() {
        String temporary = temporaryObject.toString();
        List<String> result = new ArrayList<>(argv.size());
        for (String element : argv) {
            result.add(element.equals(temporary) ? object.toString() : element);
        }
        return List.copyOf(result);
    }

    /** {@link #finalArgv()} without the launcher: what decides the object's content, so what is fingerprinted. */
    public List<String> compilerArgv() {
        List<String> full = finalArgv();
        return full.subList(launcherLength, full.size());
    }
}
