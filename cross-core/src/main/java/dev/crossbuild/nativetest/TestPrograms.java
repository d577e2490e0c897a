package dev.crossbuild.nativetest;

import dev.crossbuild.machine.MachineRole;
import dev.crossbuild.nativebuild.NativeTarget;
import dev.crossbuild.nativebuild.SourceSet;
import dev.crossbuild.nativebuild.TargetKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which native test programs a module has, and how they are tied to its libraries.
 *
 * <p>By convention ({@link #discover}): every C or C++ source directly in {@code src/test/c} or {@code src/test/cpp}
 * is one test program, named after the file ({@code test_mix.c} -> {@code test_mix}); sources in subfolders of
 * those folders are support code, compiled into every test program. {@link #forProject} then lets each program see
 * the include folders of the module's libraries and link them.
 */
public final class TestPrograms {

    /** The include glob that takes only the sources in subfolders: the shared support code. */
    static final String SUPPORT_SOURCES = "*/**";

    private TestPrograms() {
    }

    /**
     * One program per C/C++ source directly in one of {@code folders} (those that do not exist are ignored), sorted
     * by name; each program's sources are its file plus every source in a subfolder of any of the folders.
     *
     * @throws NativeTestException when a file's name cannot name a program, or two files name the same program
     */
    public static List<NativeTarget> discover(List<Path> folders) throws NativeTestException, IOException {
        List<Path> existing = folders.stream().filter(Files::isDirectory).map(p -> p.toAbsolutePath().normalize())
                .distinct().toList();
        Map<String, Path> programs = new LinkedHashMap<>();
        List<Path> files = new ArrayList<>();
        for (Path folder : existing) {
            try (Stream<Path> entries = Files.list(folder)) {
                entries.filter(Files::isRegularFile).filter(f -> SourceSet.language(f).isPresent()).forEach(files::add);
            }
        }
        // A program per C or C++ file. Assembly is support code, in a subfolder, never a program of its own; directly
        // here it would be neither, and silently left out of every test.
        for (Path file : files) {
            if (SourceSet.isAssembly(file)) {
                throw new NativeTestException("Test source " + file + " is assembly directly in a test folder: a "
                        + "test program is a C or C++ file there, and assembly is support code compiled into every "
                        + "test program; move it into a subfolder (for example "
                        + file.getParent().resolve("support").resolve(file.getFileName()) + ").", file.toString());
            }
        }
        files.sort(Comparator.comparing((Path f) -> name(f)).thenComparing(Path::toString));
        for (Path file : files) {
            String name = name(file);
            if (!name.matches("[A-Za-z0-9_][A-Za-z0-9_.+-]*")) {
                throw new NativeTestException("Test program " + file + ": '" + name + "' cannot name a program; use "
                        + "letters, digits, '_', '.', '+' or '-' (starting with a letter, digit or '_'), or move the "
                        + "file into a subfolder if it is support code shared by the tests.", file.toString());
            }
            Path previous = programs.putIfAbsent(name, file);
            if (previous != null) {
                throw new NativeTestException("Test programs " + previous + " and " + file + " are both named '" + name
                        + "'; rename one of them.", name);
            }
        }
        List<NativeTarget> targets = new ArrayList<>();
        programs.forEach((name, file) -> targets.add(NativeTarget.builder(name, TargetKind.EXECUTABLE)
                .sourceDirectories(existing).includes(List.of(file.getFileName().toString(), SUPPORT_SOURCES)).build()));
        return List.copyOf(targets);
    }

    /**
     * The programs as they are built: each sees, after its own include folders, the include folders of the module's
     * libraries, takes their pkg-config dependencies (a library's header may include a dependency's), and links the
     * libraries it names in {@code <libraries>}, or when it names none, every library of the module.
     *
     * @param projectTargets the module's own libraries and executables (executables are not linked)
     * @throws NativeTestException when a program has the name of a library of the module
     */
    public static List<NativeTarget> forProject(List<NativeTarget> programs, List<NativeTarget> projectTargets)
            throws NativeTestException {
        List<NativeTarget> libraries = libraries(projectTargets);
        Set<String> libraryNames = new LinkedHashSet<>();
        libraries.forEach(l -> libraryNames.add(l.name()));
        List<NativeTarget> result = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (NativeTarget program : programs) {
            if (libraryNames.contains(program.name())) {
                throw new NativeTestException("Test program '" + program.name() + "' has the name of a library of "
                        + "this module; rename the test (its file, or its <name> under <tests>).", program.name());
            }
            if (program.machine() != MachineRole.HOST) {
                throw new NativeTestException("Test program '" + program.name() + "' is for the build machine; test "
                        + "programs are built for the host machine (remove its <machine>).", program.name());
            }
            if (!names.add(program.name())) {
                throw new NativeTestException("Two test programs are named '" + program.name()
                        + "'; give every <test> a name of its own.", program.name());
            }
            Set<Path> includes = new LinkedHashSet<>(program.includeDirectories());
            Set<String> dependencies = new LinkedHashSet<>(program.dependencies());
            for (NativeTarget library : libraries) {
                includes.addAll(library.includeDirectories());
                dependencies.addAll(library.dependencies());
            }
            List<String> linked = program.libraries().isEmpty() ? List.copyOf(libraryNames) : program.libraries();
            result.add(NativeTarget.builder(program.name(), TargetKind.EXECUTABLE)
                    .sourceDirectories(program.sourceDirectories()).includes(program.includes())
                    .excludes(program.excludes()).includeDirectories(List.copyOf(includes)).defines(program.defines())
                    .compilerArgs(program.compilerArgs()).linkerArgs(program.linkerArgs())
                    .dependencies(List.copyOf(dependencies)).libraries(linked).generators(program.generators())
                    .build());
        }
        return List.copyOf(result);
    }

    /** The module's libraries for the host machine: what test programs can link. */
    public static List<NativeTarget> libraries(List<NativeTarget> projectTargets) {
        return projectTargets.stream().filter(NativeTarget::isLibrary).filter(t -> t.machine() == MachineRole.HOST)
                .toList();
    }

    private static String name(Path file) {
        String fileName = file.getFileName().toString();
        return fileName.substring(0, fileName.lastIndexOf('.'));
    }
}
