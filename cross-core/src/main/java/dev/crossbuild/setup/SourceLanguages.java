package dev.crossbuild.setup;

import dev.crossbuild.machine.MachineRole;
import dev.crossbuild.nativebuild.NativeTarget;
import dev.crossbuild.nativebuild.SourceSet;
import dev.crossbuild.toolchain.Language;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Which languages a module's native sources are in: {@code .c} and assembly ({@code .S}, {@code .sx}, {@code .s}) are
 * C's; {@code .cc}, {@code .cpp}, {@code .cxx} are C++ ({@link SourceSet#language}).
 */
public final class SourceLanguages {

    private SourceLanguages() {
    }

    /** The languages of the files under {@code directories} (missing directories are skipped). */
    public static Set<Language> scan(List<Path> directories) {
        try {
            return SourceSet.languagesIn(directories);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directories, e);
        }
    }

    /**
     * The languages of the sources the {@code machine}'s targets compile: each target's source folders filtered by its
     * {@code <includes>} and {@code <excludes>} ({@link SourceSet#languages}), so a source no target builds asks for
     * no compiler.
     */
    public static Set<Language> of(List<NativeTarget> targets, MachineRole machine) {
        List<NativeTarget> ofMachine = new ArrayList<>();
        for (NativeTarget target : targets) {
            if (target.machine() == machine) {
                ofMachine.add(target);
            }
        }
        try {
            return SourceSet.languages(ofMachine);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the sources of the " + machine.name().toLowerCase(java.util.Locale.ROOT) + " machine's targets", e);
        }
    }

    /**
     * The languages of the module's build-machine tools ({@code <machine>build</machine>}), for which setup and the
     * doctor check the build machine's compilers: those of the sources they compile, C when they have none to scan;
     * none without such tools.
     */
    public static Set<Language> ofBuildMachineTools(List<NativeTarget> targets) {
        List<NativeTarget> tools = targets.stream().filter(t -> t.machine() == MachineRole.BUILD).toList();
        Set<Language> languages = of(tools, MachineRole.BUILD);
        if (languages.isEmpty() && !tools.isEmpty()) {
            languages.add(Language.C);
        }
        return languages;
    }
}
