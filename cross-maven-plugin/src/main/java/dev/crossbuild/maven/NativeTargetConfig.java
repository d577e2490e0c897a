package dev.crossbuild.maven;

import dev.crossbuild.build.NativeTarget;
import dev.crossbuild.build.TargetKind;
import dev.crossbuild.machine.MachineRole;
import java.io.File;
import java.nio.file.Path;
import java.util.List;

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

    NativeTarget toTarget(TargetKind kind, boolean jni, Path basedir, String element) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("<" + element + "> needs a <name>");
        }
        List<Path> sources = sourceDirectories == null || sourceDirectories.isEmpty()
                ? AbstractBuildMojo.existing(basedir, List.of("src/main/c", "src/main/cpp"))
                : resolve(basedir, sourceDirectories);
        return new NativeTarget(name.trim(), kind, sources, orEmpty(includes), orEmpty(excludes),
                resolve(basedir, orEmpty(includeDirectories)), orEmpty(defines), orEmpty(compilerArgs),
                orEmpty(linkerArgs), orEmpty(dependencies), jni, orEmpty(libraries), MachineRole.HOST);
    }

    private static List<Path> resolve(Path basedir, List<File> files) {
        return files.stream().map(f -> f.isAbsolute() ? f.toPath() : basedir.resolve(f.getPath())).map(Path::normalize).toList();
    }

    private static <T> List<T> orEmpty(List<T> values) {
        return values == null ? List.of() : values;
    }
}
