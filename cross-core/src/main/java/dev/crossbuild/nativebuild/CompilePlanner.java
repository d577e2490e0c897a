package dev.crossbuild.nativebuild;

import dev.crossbuild.toolchain.Compiler;
import dev.crossbuild.toolchain.Language;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns a target's sources into compiler commands, without running or reading anything. The argv is, in this order:
 * the compiler (a launcher first), {@code -nostdinc} when the host machine has a custom standard library for the
 * source's language ({@link StandardLibraries}), the flags of the built-in options ({@link OptionFlags#compile}: LTO,
 * {@code -DNDEBUG}, warnings, {@code -Werror}, {@code -std=}, {@code -O}, {@code -g}), the cross file's
 * {@code c_args}/{@code cpp_args} (after them, so they win, as in Meson), {@code -fPIC}/{@code -fPIE}
 * ({@link OptionFlags#position}), the {@link SourcePathMap}'s prefix maps (so that no
 * absolute path of the module gets into the object), {@code -I} for the target's include folders, then
 * for the extra ones (cross_config.h's folder, JNI), the pkg-config cflags of the target's dependencies,
 * {@code -D} for each define, the target's own compiler arguments (last, so they win), the depfile options, and
 * {@code -c <source> -o <temporary object>}.
 *
 * <p>Static libraries get {@code -fPIC} too, with Meson's default {@code b_staticpic=true}: a project static
 * library is often linked into a shared (JNI) library. Both libraries are compiled once, as the shared one.
 */
public final class CompilePlanner {

    private final SetupState setup;
    private final SourcePathMap paths;

    /** A planner that maps no paths: the compilers write absolute ones. */
    public CompilePlanner(SetupState setup) {
        this(setup, SourcePathMap.NONE);
    }

    /** @param paths the folders to map in what the compilers write ({@link SourcePathMap#NONE}: none) */
    public CompilePlanner(SetupState setup, SourcePathMap paths) {
        this.setup = Objects.requireNonNull(setup, "setup");
        this.paths = Objects.requireNonNull(paths, "paths");
    }

    /**
     * Where the object of a source goes: {@code obj/library/<name>/<relative path>.o} or
     * {@code obj/executable/<name>/...} (also {@code .o} for MinGW).
     */
    public static Path objectFile(BuildLayout layout, NativeTarget target, SourceFile source) {
        return objectFile(layout.objects(target), source);
    }

    static Path objectFile(Path objectDirectory, SourceFile source) {
        return objectDirectory.resolve(source.relativeName() + ".o");
    }

    /**
     * The commands for {@code sources} of {@code target}, in source order.
     *
     * @param extraIncludeDirectories searched after the target's own include folders
     * @param dependencyCflags the pkg-config cflags of the target's dependencies, already split
     * @throws CompileException when the sources need a compiler setup.json has none for
     */
    public List<CompileCommand> plan(NativeTarget target, List<SourceFile> sources, Path objectDirectory,
                                     List<Path> extraIncludeDirectories, List<String> dependencyCflags)
            throws CompileException {
        List<CompileCommand> commands = new ArrayList<>(sources.size());
        for (SourceFile source : sources) {
            commands.add(plan(target, source, objectDirectory, extraIncludeDirectories, dependencyCflags));
        }
        return commands;
    }

    public CompileCommand plan(NativeTarget target, SourceFile source, Path objectDirectory,
                               List<Path> extraIncludeDirectories, List<String> dependencyCflags)
            throws CompileException {
        Compiler compiler = compiler(target, source);
        Path object = objectFile(objectDirectory, source);
        Path depfile = objectDirectory.resolve(source.relativeName() + ".d");
        Path temporary = objectDirectory.resolve(source.relativeName() + ".o.tmp");
        List<String> argv = new ArrayList<>(compiler.argv());
        argv.addAll(StandardLibraries.compileArguments(setup, target, source.language()));
        argv.addAll(OptionFlags.visibility(target.symbolVisibility(), compiler.id(), source.language()));
        argv.addAll(OptionFlags.compile(setup.options(), setup.builtInOptions(), compiler.id(), source.language()));
        argv.addAll(setup.arguments(source.language().binaryKey() + "_args"));
        argv.addAll(OptionFlags.position(setup.options(), setup.host(), target.kind()));
        argv.addAll(paths.arguments(compiler.id()));
        for (Path include : target.includeDirectories()) {
            argv.add("-I" + include);
        }
        for (Path include : extraIncludeDirectories) {
            argv.add("-I" + include);
        }
        argv.addAll(dependencyCflags);
        for (String define : target.defines()) {
            argv.add("-D" + define);
        }
        argv.addAll(target.compilerArgs());
        argv.addAll(List.of("-MD", "-MF", depfile.toString(), "-MT", object.toString()));
        argv.addAll(List.of("-c", source.path().toString(), "-o", temporary.toString()));
        int launcherLength = compiler.argv().size() - compiler.argvWithoutLauncher().size();
        return new CompileCommand(argv, source.path(), object, depfile, source.language(), temporary, launcherLength);
    }

    private Compiler compiler(NativeTarget target, SourceFile source) throws CompileException {
        Optional<Compiler> compiler = setup.toolchain().compiler(source.language());
        if (compiler.isPresent()) {
            return compiler.get();
        }
        Language language = source.language();
        throw new CompileException(SourceSetException.describe(target) + " has " + language.displayName()
                + " sources (" + source.path() + ") but setup found no " + language.displayName() + " compiler for the "
                + "host machine (" + setup.file() + "); add " + language.binaryKey() + " to [binaries] of the cross "
                + "file, or make sure setup sees the target's sources, then build again", language.binaryKey());
    }
}
