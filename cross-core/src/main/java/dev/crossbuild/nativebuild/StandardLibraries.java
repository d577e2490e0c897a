package dev.crossbuild.nativebuild;

import dev.crossbuild.machine.MachineRole;
import dev.crossbuild.toolchain.Language;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A custom standard library, Meson's {@code c_stdlib} / {@code cpp_stdlib} property of the host machine: cross reads
 * it as the name of a {@code <library>} of the module (Meson's subproject), and builds every host target as Meson
 * builds it with such a library:
 * <ul>
 * <li>each source of that language is compiled with {@code -nostdinc} ({@code -nostdinc++} for C++), first, so that
 * no header of the toolchain's C library is found, and with the library's include folders after the target's own
 * ({@link #apply}: they join every host target's include folders);</li>
 * <li>shared libraries and executables that link with that language's driver are linked with {@code -nostdlib} (no
 * start files, C library or libgcc of the toolchain) and with the library, last ({@link #apply} adds it to every
 * host target's {@code <libraries>}, so {@link LinkOrder} puts it after the libraries that need it).</li>
 * </ul>
 * The library itself and the libraries it links get the flags and its headers, but not itself. Build-machine tools
 * are built as before. Pure: it only reads the setup's properties and the targets.
 */
public final class StandardLibraries {

    private StandardLibraries() {
    }

    /** The library each language's {@code <lang>_stdlib} names, for the host machine of {@code setup}. */
    public static Map<Language, String> named(SetupState setup) {
        Map<Language, String> named = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            setup.propertyStrings(language.standardLibraryKey()).stream().findFirst().ifPresent(name -> named.put(language, name));
        }
        return named;
    }

    /**
     * The targets with the standard libraries wired in: every host target gets each library's include folders after
     * its own, and, unless it is that library or one the library links (directly or through others), the library at
     * the end of its {@code <libraries>}. A library that is not among {@code targets} (test programs are compiled
     * apart from the module's libraries, after {@link #apply} gave them its headers) leaves them as they are.
     */
    public static List<NativeTarget> apply(SetupState setup, List<NativeTarget> targets) {
        List<NativeTarget> result = targets;
        for (String name : new LinkedHashSet<>(named(setup).values())) {
            Optional<NativeTarget> library = find(targets, name);
            if (library.isPresent()) {
                result = wire(result, library.get());
            }
        }
        return result;
    }

    /** The host {@code <library>} named {@code name}. */
    public static Optional<NativeTarget> find(List<NativeTarget> targets, String name) {
        return targets.stream().filter(t -> t.isLibrary() && t.machine() == MachineRole.HOST && t.name().equals(name))
                .findFirst();
    }

    /** {@code -nostdinc} / {@code -nostdinc++} for a host target's source of {@code language} with a standard library. */
    static List<String> compileArguments(SetupState setup, NativeTarget target, Language language) {
        if (target.machine() != MachineRole.HOST || !named(setup).containsKey(language)) {
            return List.of();
        }
        return List.of(language == Language.C ? "-nostdinc" : "-nostdinc++");
    }

    /** {@code -nostdlib} for a host target linked by the driver of a language with a standard library. */
    static List<String> linkArguments(SetupState setup, NativeTarget target, boolean cpp) {
        if (target.machine() != MachineRole.HOST || !named(setup).containsKey(cpp ? Language.CPP : Language.C)) {
            return List.of();
        }
        return List.of("-nostdlib");
    }

    private static List<NativeTarget> wire(List<NativeTarget> targets, NativeTarget library) {
        Set<String> linkedByLibrary = linkedBy(library, targets);
        List<NativeTarget> wired = new ArrayList<>();
        for (NativeTarget target : targets) {
            if (target.machine() != MachineRole.HOST) {
                wired.add(target);
                continue;
            }
            List<Path> includes = new ArrayList<>(target.includeDirectories());
            for (Path folder : library.includeDirectories()) {
                if (!includes.contains(folder)) {
                    includes.add(folder);
                }
            }
            List<String> libraries = new ArrayList<>(target.libraries());
            boolean partOfIt = target.name().equals(library.name()) && target.isLibrary()
                    || target.isLibrary() && linkedByLibrary.contains(target.name());
            if (!partOfIt && !libraries.contains(library.name())) {
                libraries.add(library.name());
            }
            wired.add(target.toBuilder().includeDirectories(includes).libraries(libraries).build());
        }
        return wired;
    }

    /** The names of the libraries {@code library} links, directly or through others. */
    private static Set<String> linkedBy(NativeTarget library, List<NativeTarget> targets) {
        Set<String> seen = new HashSet<>();
        List<String> pending = new ArrayList<>(library.libraries());
        while (!pending.isEmpty()) {
            String name = pending.remove(pending.size() - 1);
            if (seen.add(name)) {
                find(targets, name).ifPresent(linked -> pending.addAll(linked.libraries()));
            }
        }
        return seen;
    }
}
