package dev.crossbuild.nativebuild;

import dev.crossbuild.machine.MachineRole;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One library or executable of a module, as the POM describes it: its sources (folders, filtered by include and
 * exclude globs relative to each folder; default includes every C/C++ source), include folders, defines
 * ({@code FOO=1}), extra compiler and linker arguments, pkg-config dependencies of the host machine, whether it is a
 * JNI library (adds the JNI include folders), the project libraries it links against, and the machine it is built
 * for ({@code HOST}, or {@code BUILD} for tools run during the build), and the {@link Generator}s whose outputs join
 * its sources (host-machine targets only).
 *
 * <p>Naming ({@link OutputNames}): a shared library's {@code version} ({@code 1.3.1}) and {@code soversion}
 * ({@code 1}; default: the version's first number) as Meson's {@code version}/{@code soversion}; {@code namePrefix}
 * and {@code nameSuffix} replace the system's prefix ({@code lib}) and suffix ({@code so}, without the dot) as Meson's
 * {@code name_prefix}/{@code name_suffix}.
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
        List<Generator> generators,
        Optional<String> version,
        Optional<String> soversion,
        Optional<String> namePrefix,
        Optional<String> nameSuffix,
        Optional<String> symbolVisibility) {

    /** Meson's {@code gnu_symbol_visibility} values. */
    public static final List<String> SYMBOL_VISIBILITIES = List.of("default", "internal", "hidden", "protected",
            "inlineshidden");

    private static final Pattern VERSION = Pattern.compile("[0-9]+(\\.[0-9]+){0,2}");
    private static final Pattern SOVERSION = Pattern.compile("[0-9A-Za-z_+-]+(\\.[0-9A-Za-z_+-]+)*");
    private static final Pattern AFFIX = Pattern.compile("[A-Za-z0-9_.+-]*");

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
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(soversion, "soversion");
        Objects.requireNonNull(namePrefix, "namePrefix");
        Objects.requireNonNull(nameSuffix, "nameSuffix");
        Objects.requireNonNull(symbolVisibility, "symbolVisibility");
        String element = kind == TargetKind.EXECUTABLE ? "<executable> " : "<library> ";
        if (version.isPresent() && !VERSION.matcher(version.get()).matches()) {
            throw new IllegalArgumentException(element + name + ": <version> '" + version.get() + "' must be X, X.Y or "
                    + "X.Y.Z, all numbers (Meson's rule), e.g. 1.3.1");
        }
        if (soversion.isPresent() && !SOVERSION.matcher(soversion.get()).matches()) {
            throw new IllegalArgumentException(element + name + ": <soversion> '" + soversion.get() + "' must be "
                    + "letters, digits, '_', '+', '-' and dots between them, e.g. 1");
        }
        if (kind == TargetKind.EXECUTABLE && (version.isPresent() || soversion.isPresent())) {
            throw new IllegalArgumentException(element + name + ": only shared libraries have a <version> and "
                    + "<soversion>");
        }
        if (namePrefix.isPresent() && !AFFIX.matcher(namePrefix.get()).matches()) {
            throw new IllegalArgumentException(element + name + ": <namePrefix> '" + namePrefix.get() + "' must be "
                    + "letters, digits, '_', '.', '+' or '-'");
        }
        if (nameSuffix.isPresent() && (nameSuffix.get().isEmpty() || nameSuffix.get().startsWith(".")
                || !AFFIX.matcher(nameSuffix.get()).matches())) {
            throw new IllegalArgumentException(element + name + ": <nameSuffix> '" + nameSuffix.get() + "' must be "
                    + "letters, digits, '_', '.', '+' or '-', without the leading dot (as Meson's name_suffix: dll, "
                    + "pyd, so)");
        }
        if (symbolVisibility.isPresent() && !SYMBOL_VISIBILITIES.contains(symbolVisibility.get())) {
            throw new IllegalArgumentException(element + name + ": <symbolVisibility> '" + symbolVisibility.get()
                    + "' must be one of " + String.join(", ", SYMBOL_VISIBILITIES) + " (Meson's gnu_symbol_visibility)");
        }
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
                .generators(generators).version(version).soversion(soversion).namePrefix(namePrefix)
                .nameSuffix(nameSuffix).symbolVisibility(symbolVisibility);
    }

    /**
     * This target as one of the files it makes: the same target with {@code outputKind} (one of
     * {@code kind().outputs()}: the shared or the static half of a {@link TargetKind#BOTH_LIBRARIES}).
     */
    public NativeTarget as(TargetKind outputKind) {
        if (outputKind == kind) {
            return this;
        }
        if (!kind.outputs().contains(outputKind)) {
            throw new IllegalArgumentException(kind + " makes no " + outputKind);
        }
        return new NativeTarget(name, outputKind, sourceDirectories, includes, excludes, includeDirectories, defines,
                compilerArgs, linkerArgs, dependencies, jni, libraries, machine, generators, version, soversion,
                namePrefix, nameSuffix, symbolVisibility);
    }

    /** The files this target makes, each as a target of one kind ({@link #as}): two for both libraries. */
    public List<NativeTarget> outputs() {
        return kind.outputs().stream().map(this::as).toList();
    }

    /** What a target linking this library links: the shared half of both libraries, else this. */
    public NativeTarget linked() {
        return as(kind.linked());
    }

    /** {@code <library> z} or {@code <executable> lua}: how messages name it. */
    public String describe() {
        return (isLibrary() ? "<library> " : "<executable> ") + name;
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
        private Optional<String> version = Optional.empty();
        private Optional<String> soversion = Optional.empty();
        private Optional<String> namePrefix = Optional.empty();
        private Optional<String> nameSuffix = Optional.empty();
        private Optional<String> symbolVisibility = Optional.empty();

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

        /** A shared library's version, {@code X[.Y[.Z]]}: {@code libNAME.so.X.Y.Z}. */
        public Builder version(Optional<String> value) {
            version = value;
            return this;
        }

        /** A shared library's ABI version: its SONAME {@code libNAME.so.X}, {@code NAME-X.dll}, {@code libNAME.X.dylib}. */
        public Builder soversion(Optional<String> value) {
            soversion = value;
            return this;
        }

        /** Replaces the system's file name prefix ({@code lib}); may be empty. */
        public Builder namePrefix(Optional<String> value) {
            namePrefix = value;
            return this;
        }

        /** Replaces the system's file name suffix ({@code so}, {@code dll}, {@code exe}), without the dot. */
        public Builder nameSuffix(Optional<String> value) {
            nameSuffix = value;
            return this;
        }

        public Builder symbolVisibility(Optional<String> value) {
            symbolVisibility = value;
            return this;
        }

        public NativeTarget build() {
            return new NativeTarget(name, kind, sourceDirectories, includes, excludes, includeDirectories, defines,
                    compilerArgs, linkerArgs, dependencies, jni, libraries, machine, generators, version, soversion,
                    namePrefix, nameSuffix, symbolVisibility);
        }
    }
}
