package dev.crossbuild.nativebuild;

import dev.crossbuild.machine.MachineRole;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One library or executable of a module, as the POM describes it: its sources (folders, filtered by include and
 * exclude globs relative to each folder; default includes every C/C++ source), include folders, defines
 * ({@code FOO=1}), extra compiler and linker arguments, pkg-config dependencies of the host machine, whether it is a
 * JNI library (adds the JNI include folders), the project libraries it links against, and the machine it is built
 * for ({@code HOST}, or {@code BUILD} for tools run during the build), and the {@link Generator}s whose outputs join
 * its sources (host-machine targets only).
 */
public record NativeTarget(
        String name,
        TargetKind kind,
        List<Path> sourceDirectories,
        List<String> includes,
        List<String> excludes,
        List<Path> includeDirectories,
        List<String> defines,
        List<String> compilerArgs,
        List<String> linkerArgs,
        List<String> dependencies,
        boolean jni,
        List<String> libraries,
        MachineRole machine,
        List<Generator> generators) {

    public NativeTarget {
        Objects.requireNonNull(name, "name");
        if (!name.matches("[A-Za-z0-9_][A-Za-z0-9_.+-]*")) {
            throw new IllegalArgumentException("target name '" + name + "' must be letters, digits, '_', '.', '+' or '-'");
        }
        Objects.requireNonNull(kind, "kind");
        sourceDirectories = List.copyOf(sourceDirectories);
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
        includeDirectories = List.copyOf(includeDirectories);
        defines = List.copyOf(defines);
        compilerArgs = List.copyOf(compilerArgs);
        linkerArgs = List.copyOf(linkerArgs);
        dependencies = List.copyOf(dependencies);
        libraries = List.copyOf(libraries);
        Objects.requireNonNull(machine, "machine");
        generators = List.copyOf(generators);
    }

    /** A target without generators. */
    public NativeTarget(String name, TargetKind kind, List<Path> sourceDirectories, List<String> includes,
                        List<String> excludes, List<Path> includeDirectories, List<String> defines,
                        List<String> compilerArgs, List<String> linkerArgs, List<String> dependencies, boolean jni,
                        List<String> libraries, MachineRole machine) {
        this(name, kind, sourceDirectories, includes, excludes, includeDirectories, defines, compilerArgs, linkerArgs,
                dependencies, jni, libraries, machine, List.of());
    }

    /** A host-machine target with only a name, a kind and source folders. */
    public static NativeTarget of(String name, TargetKind kind, List<Path> sourceDirectories) {
        return new NativeTarget(name, kind, sourceDirectories, List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), false, List.of(), MachineRole.HOST, List.of());
    }

    /** This target with {@code generators}. */
    public NativeTarget withGenerators(List<Generator> generators) {
        return new NativeTarget(name, kind, sourceDirectories, includes, excludes, includeDirectories, defines,
                compilerArgs, linkerArgs, dependencies, jni, libraries, machine, generators);
    }

    /**
     * This target with the output folders of its generators appended to its source folders (their sources are
     * compiled with it) and to its include folders (a generated header is found by its name).
     */
    public NativeTarget withGeneratedFolders(List<Path> folders) {
        List<Path> sources = new ArrayList<>(sourceDirectories);
        List<Path> headers = new ArrayList<>(includeDirectories);
        for (Path folder : folders) {
            if (!sources.contains(folder)) {
                sources.add(folder);
            }
            if (!headers.contains(folder)) {
                headers.add(folder);
            }
        }
        return new NativeTarget(name, kind, sources, includes, excludes, headers, defines, compilerArgs, linkerArgs,
                dependencies, jni, libraries, machine, generators);
    }

    public boolean isLibrary() {
        return kind != TargetKind.EXECUTABLE;
    }
}
