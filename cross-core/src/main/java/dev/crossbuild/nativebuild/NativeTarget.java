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

    /** A host-machine target with only a name, a kind and source folders. */
    public static NativeTarget of(String name, TargetKind kind, List<Path> sourceDirectories) {
        return builder(name, kind).sourceDirectories(sourceDirectories).build();
    }

    /** A target named {@code name}: every list empty, not JNI, built for the host machine, until set otherwise. */
    public static Builder builder(String name, TargetKind kind) {
        return new Builder(name, kind);
    }

    /** A builder holding this target's settings, to derive a changed copy. */
    public Builder toBuilder() {
        return new Builder(name, kind).sourceDirectories(sourceDirectories).includes(includes).excludes(excludes)
                .includeDirectories(includeDirectories).defines(defines).compilerArgs(compilerArgs)
                .linkerArgs(linkerArgs).dependencies(dependencies).jni(jni).libraries(libraries).machine(machine)
                .generators(generators);
    }

    /** This target with {@code generators}. */
    public NativeTarget withGenerators(List<Generator> generators) {
        return toBuilder().generators(generators).build();
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
        return toBuilder().sourceDirectories(sources).includeDirectories(headers).build();
    }

    public boolean isLibrary() {
        return kind != TargetKind.EXECUTABLE;
    }

    /** Sets a target's settings by name; every call site says what it sets and nothing else. */
    public static final class Builder {
        private final String name;
        private final TargetKind kind;
        private List<Path> sourceDirectories = List.of();
        private List<String> includes = List.of();
        private List<String> excludes = List.of();
        private List<Path> includeDirectories = List.of();
        private List<String> defines = List.of();
        private List<String> compilerArgs = List.of();
        private List<String> linkerArgs = List.of();
        private List<String> dependencies = List.of();
        private boolean jni;
        private List<String> libraries = List.of();
        private MachineRole machine = MachineRole.HOST;
        private List<Generator> generators = List.of();

        private Builder(String name, TargetKind kind) {
            this.name = name;
            this.kind = kind;
        }

        /** Folders whose sources the target compiles. */
        public Builder sourceDirectories(List<Path> value) {
            sourceDirectories = value;
            return this;
        }

        /** Globs of sources to take, relative to each source folder (empty: every C/C++ source). */
        public Builder includes(List<String> value) {
            includes = value;
            return this;
        }

        /** Globs of sources to leave out. */
        public Builder excludes(List<String> value) {
            excludes = value;
            return this;
        }

        /** Header folders ({@code -I}). */
        public Builder includeDirectories(List<Path> value) {
            includeDirectories = value;
            return this;
        }

        /** Preprocessor definitions, {@code NAME} or {@code NAME=value}. */
        public Builder defines(List<String> value) {
            defines = value;
            return this;
        }

        public Builder compilerArgs(List<String> value) {
            compilerArgs = value;
            return this;
        }

        public Builder linkerArgs(List<String> value) {
            linkerArgs = value;
            return this;
        }

        /** pkg-config packages of the host machine. */
        public Builder dependencies(List<String> value) {
            dependencies = value;
            return this;
        }

        /** A JNI library: compiled with the JNI include folders. */
        public Builder jni(boolean value) {
            jni = value;
            return this;
        }

        /** Names of this module's libraries to link against. */
        public Builder libraries(List<String> value) {
            libraries = value;
            return this;
        }

        public Builder machine(MachineRole value) {
            machine = value;
            return this;
        }

        public Builder generators(List<Generator> value) {
            generators = value;
            return this;
        }

        public NativeTarget build() {
            return new NativeTarget(name, kind, sourceDirectories, includes, excludes, includeDirectories, defines,
                    compilerArgs, linkerArgs, dependencies, jni, libraries, machine, generators);
        }
    }
}
