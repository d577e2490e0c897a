package dev.crossbuild.maven;

import dev.crossbuild.machine.MachineRole;
import dev.crossbuild.nativebuild.NativeTarget;
import dev.crossbuild.nativebuild.TargetKind;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** The settings {@link NativeLibrary} and {@link Executable} share, bound from the POM by Maven. */
abstract class NativeTargetConfig {

    /** The output's base name: {@code demo} gives {@code libdemo.so}, {@code demo.dll}, {@code demo}. */
    String name;

    /** Source folders, relative to the module. */
    List<File> sourceDirectories = List.of();

    /** Globs of sources to take, relative to each source folder (default: every .c .cc .cpp .cxx). */
    List<String> includes = List.of();

    /** Globs of sources to leave out. */
    List<String> excludes = List.of();

    /** Header folders, relative to the module. */
    List<File> includeDirectories = List.of();

    /** Preprocessor definitions: {@code NAME} or {@code NAME=value}. */
    List<String> defines = List.of();

    /** Extra compiler arguments, after the cross file's {@code c_args}/{@code cpp_args}. */
    List<String> compilerArgs = List.of();

    /** Extra linker arguments, after the cross file's {@code c_link_args}/{@code cpp_link_args}. */
    List<String> linkerArgs = List.of();

    /** pkg-config packages of the host machine ({@code zlib}). */
    List<String> dependencies = List.of();

    /** Names of this module's libraries to link against. */
    List<String> libraries = List.of();

    /**
     * {@code host} (default): built for the host machine with the cross toolchain. {@code build}: a tool built with
     * the build machine's compiler (the native file's, else {@code cc}) before the host sources, for
     * {@code <generators>} to run during the build (Meson's {@code native: true}).
     */
    String machine;

    /** Build-machine tools to run before this target is compiled; the sources they write join its sources. */
    List<Generator> generators = List.of();

    /**
     * Meson's {@code gnu_symbol_visibility}: {@code default}, {@code internal}, {@code hidden}, {@code protected} or
     * {@code inlineshidden} ({@code hidden}, and for C++ inline functions too), compiled as
     * {@code -fvisibility=<value>}. {@code hidden} exports only what the code marks as exported
     * ({@code JNIEXPORT}, {@code __attribute__((visibility("default")))}): a smaller JNI library, whose internal
     * functions cannot clash with another library's. Default: none (every function is exported).
     */
    String symbolVisibility;

    NativeTarget toTarget(TargetKind kind, boolean jni, Path basedir, String element) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("<" + element + "> needs a <name>");
        }
        List<File> folders = files(sourceDirectories);
        List<Path> sources = folders.isEmpty()
                ? AbstractBuildMojo.existing(basedir, AbstractBuildMojo.CONVENTIONAL_SOURCES)
                : resolve(basedir, folders);
        return naming(NativeTarget.builder(name.trim(), kind).sourceDirectories(sources).includes(names(includes))
                .excludes(names(excludes)).includeDirectories(resolve(basedir, files(includeDirectories)))
                .defines(names(defines)).compilerArgs(arguments(compilerArgs)).linkerArgs(arguments(linkerArgs))
                .dependencies(names(dependencies)).jni(jni).libraries(names(libraries)).machine(machine(element))
                .generators(present(generators).stream().map(g -> g.toGenerator(basedir)).toList())
                .symbolVisibility(given(symbolVisibility).filter(v -> !v.isEmpty()))).build();
    }

    /*
     * Maven binds an empty element (<arg/>, or <arg>${p}</arg> with an empty property) as null, or as an empty
     * string: such values are dropped from every list, as Maven's own plugins do.
     */

    /** The given elements, without the empty ones (null); an absent list is empty. */
    static <T> List<T> present(List<T> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).toList();
    }

    /** Names, globs, defines: stripped, without empty or blank ones. */
    static List<String> names(List<String> values) {
        return present(values).stream().map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    /** Command-line arguments: as given (an argument may have spaces), without empty or blank ones. */
    static List<String> arguments(List<String> values) {
        return present(values).stream().filter(v -> !v.isBlank()).toList();
    }

    /** Folders and files: without empty ones. */
    static List<File> files(List<File> values) {
        return present(values).stream().filter(f -> !f.getPath().isBlank()).toList();
    }

    /** The output's naming ({@code <version>}, {@code <namePrefix>} ...) where the element has it; none here. */
    NativeTarget.Builder naming(NativeTarget.Builder builder) {
        return builder;
    }

    /** A set value, stripped; empty when the element is absent (Maven gives an empty element as absent too). */
    static Optional<String> given(String value) {
        return Optional.ofNullable(value).map(String::strip);
    }

    /**
     * A {@code <namePrefix>}: as {@link #given}, and {@code ''} (Meson's empty string) for no prefix, which an empty
     * element cannot say.
     */
    static Optional<String> prefix(String value) {
        return given(value).map(prefix -> prefix.equals("''") ? "" : prefix);
    }

    private MachineRole machine(String element) {
        String value = machine == null ? "host" : machine.trim().toLowerCase(Locale.ROOT);
        return switch (value) {
            case "host" -> MachineRole.HOST;
            case "build" -> MachineRole.BUILD;
            default -> throw new IllegalArgumentException("<" + element + "><machine> of '" + name + "' is '" + machine
                    + "'; use host (the default: built for the host machine) or build (a tool run during the build)");
        };
    }

    private static List<Path> resolve(Path basedir, List<File> files) {
        return files.stream().map(f -> resolve(basedir, f)).toList();
    }

    static Path resolve(Path basedir, File file) {
        return (file.isAbsolute() ? file.toPath() : basedir.resolve(file.getPath())).toAbsolutePath().normalize();
    }

}
