package dev.crossbuild.setup;

import dev.crossbuild.crossfile.CrossEnvironment;
import dev.crossbuild.crossfile.CrossFileException;
import dev.crossbuild.crossfile.CrossProperties;
import dev.crossbuild.crossfile.Entry;
import dev.crossbuild.crossfile.MachineFile;
import dev.crossbuild.crossfile.MachineFileContext;
import dev.crossbuild.crossfile.MachineFileSource;
import dev.crossbuild.machine.MachineRole;
import dev.crossbuild.nativebuild.NativeTarget;
import dev.crossbuild.nativebuild.StandardLibraries;
import java.util.List;
import java.util.Optional;

/**
 * Setup's check of a custom standard library ({@code [properties] c_stdlib}, {@code cpp_stdlib}; see
 * {@link StandardLibraries}): it must name a {@code <library>} the module builds for the host machine. Checked before
 * anything runs, with the file and line of the property; a module without host targets builds nothing with it.
 */
final class StandardLibraryCheck {

    private StandardLibraryCheck() {
    }

    static void check(CrossEnvironment environment, List<NativeTarget> targets, MachineFileContext context)
            throws CrossFileException {
        if (targets.stream().noneMatch(t -> t.machine() == MachineRole.HOST)) {
            return;
        }
        for (String key : List.of(CrossProperties.C_STDLIB, CrossProperties.CPP_STDLIB)) {
            Optional<String> named = CrossProperties.standardLibrary(environment.host().properties(), key);
            if (named.isEmpty() || StandardLibraries.find(targets, named.get()).isPresent()) {
                continue;
            }
            String name = named.get();
            List<String> libraries = targets.stream()
                    .filter(t -> t.isLibrary() && t.machine() == MachineRole.HOST).map(NativeTarget::name).toList();
            boolean buildTool = targets.stream()
                    .anyMatch(t -> t.isLibrary() && t.machine() == MachineRole.BUILD && t.name().equals(name));
            String problem = "[properties] " + key + " names '" + name + "' as the host machine's "
                    + (key.equals(CrossProperties.C_STDLIB) ? "C" : "C++") + " standard library, "
                    + (buildTool ? "but that <library> is built for the build machine (<machine>build</machine>)"
                            : "but the module has no such <library> (" + (libraries.isEmpty() ? "it has none"
                                    : "its libraries: " + String.join(", ", libraries)) + ")")
                    + "; cross builds the custom standard library as one of the module's host <libraries> (Meson's "
                    + "subproject): declare it, or correct the name";
            Optional<Entry> entry = where(environment, key, context);
            throw new CrossFileException(entry.map(Entry::file).orElse(null), entry.map(Entry::line).orElse(0), key,
                    problem);
        }
    }

    /** Where the host's machine files set {@code key} in {@code [properties]}. */
    private static Optional<Entry> where(CrossEnvironment environment, String key, MachineFileContext context) {
        List<MachineFileSource> files = environment.isCrossBuild() ? environment.crossFiles()
                : environment.nativeFiles();
        try {
            return MachineFile.parse(files, context).entry("properties", key);
        } catch (CrossFileException e) {
            return Optional.empty(); // read once already; without the line the message still names the key
        }
    }
}
