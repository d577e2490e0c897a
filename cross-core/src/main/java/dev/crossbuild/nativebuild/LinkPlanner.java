package dev.crossbuild.nativebuild;

import dev.crossbuild.machine.Machine;
import dev.crossbuild.machine.OutputFormat;
import dev.crossbuild.toolchain.Compiler;
import dev.crossbuild.toolchain.Language;
import dev.crossbuild.toolchain.Tool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Plans the link of one target: pure, it only returns the command (nothing is run or touched).
 *
 * <ul>
 *   <li>Static archives: the host {@code ar} with {@code rcsD} ({@code s} writes the symbol index, so no ranlib;
 *       {@code D} makes it deterministic; darwin's ar knows no {@code D}). The archive is written afresh to a
 *       temporary name, so members of deleted sources never survive as they would with {@code r} on an old archive.
 *   <li>Shared libraries and executables: the compiler driver without its launchers (a link is not cached, and runs
 *       here, never on a compile farm), the C++ one when {@code cpp} (any source of the target, or of a static
 *       library it links, is C++). Argv: the built-in options' flags; {@code -nostdlib} when the host machine has
 *       a custom standard library for the driver's language ({@link StandardLibraries}: the library itself is linked
 *       as a project library, last); {@code -shared}; the SONAME on ELF, the import library on PE, the install
 *       name on Mach-O; the objects; the project libraries (dependents first: static
 *       archives by path, so a stale shared library of the same name can never be picked; shared libraries as
 *       {@code -L<folder> -l<name>}); the rpath; the pkg-config {@code --libs}; the cross file's
 *       {@code c_link_args} or {@code cpp_link_args}; the target's {@code <linkerArgs>}; {@code -o <temporary>}.
 *   <li>rpath on ELF, when project shared libraries (or a native dependency's, another module's) are linked: executables get {@code $ORIGIN/../lib}, libraries
 *       {@code $ORIGIN} (DT_RUNPATH, which the linker writes by default, applies only to an object's own needs, so a
 *       library must carry its own). {@code $ORIGIN} is one argv element, never seen by a shell. Mach-O gets
 *       {@code @loader_path} the same way. PE has no rpath: Windows finds a DLL in the executable's folder or on
 *       {@code PATH}, which is why DLLs are put in {@code bin/} beside the executables (see {@link OutputNames}).
 *   <li>Reproducible PE links (the default), before the objects: GNU ld and lld write the link's time into a PE
 *       file's header (and export table) unless told not to: {@code -Wl,--no-insert-timestamp} (GNU ld, and lld for
 *       MinGW targets; the field is then 0); {@code -Wl,/Brepro} for an MSVC target, whose driver runs
 *       {@code lld-link} (the field is then a hash of the output). MinGW's GNU ld also derives a DLL's preferred
 *       address from a hash of the whole {@code -o} path (auto image base), so DLLs also get
 *       {@code -Wl,--disable-auto-image-base}: ld's fixed default (0x180000000 for x86_64, as lld and MSVC), which
 *       Windows relocates anyway (ld marks DLLs DYNAMIC_BASE, ASLR). ELF and Mach-O links write no time.
 *   <li>Links run in the module's folder, as compiles do ({@link LinkRequest#directory()}), and name the project's
 *       files relative to it: objects, project libraries, native dependencies' {@code -L} folders, outputs. GNU ld
 *       orders a PE file's import table by the path of each import library ({@code SORT(*)(.idata$2)} in its linker
 *       script), so with absolute paths a DLL's imports came in another order, and the file differed, when the
 *       project was checked out somewhere else ({@code /tmp/…} sorts before the toolchain's {@code /usr/…},
 *       {@code /work/…} after). Relative, the order and the bytes depend on the project alone, and so does the
 *       argv, the fingerprint a relink is decided by.
 * </ul>
 */
public final class LinkPlanner {

    private final BuildLayout layout;
    private final BuildLayout librariesLayout;
    private final SetupState setup;
    private final Machine host;
    private final boolean reproducible;
    private final Path directory;

    /** A reproducible planner. */
    public LinkPlanner(BuildLayout layout, SetupState setup) {
        this(layout, layout, setup);
    }

    /** A reproducible planner linking against the project libraries in {@code librariesLayout}. */
    public LinkPlanner(BuildLayout layout, BuildLayout librariesLayout, SetupState setup) {
        this(layout, librariesLayout, setup, true);
    }

    /**
     * @param librariesLayout where the project libraries that targets link are (the module's layout when tests in
     *     {@link BuildLayout#test()} are linked); the rpath then leads there
     * @param reproducible no time stamp in PE files
     */
    public LinkPlanner(BuildLayout layout, BuildLayout librariesLayout, SetupState setup, boolean reproducible) {
        this(layout, librariesLayout, setup, reproducible, librariesLayout.root());
    }

    /** @param directory where the links run (the module's folder) */
    public LinkPlanner(BuildLayout layout, BuildLayout librariesLayout, SetupState setup, boolean reproducible,
                       Path directory) {
        this.layout = Objects.requireNonNull(layout, "layout");
        this.librariesLayout = Objects.requireNonNull(librariesLayout, "librariesLayout");
        this.setup = Objects.requireNonNull(setup, "setup");
        this.host = setup.host();
        this.reproducible = reproducible;
        this.directory = directory.toAbsolutePath().normalize();
    }

    /**
     * @param target one output ({@link NativeTarget#as}): a shared or static library or an executable
     * @param objects the target's objects, in a stable order
     * @param cpp link with the C++ driver
     * @param libraries the project libraries linked, direct and indirect, dependents first ({@link LinkOrder})
     * @param dependencyLibraries pkg-config {@code --libs} of the target's dependencies
     * @throws LinkException when there is nothing to link or the toolchain lacks the program needed
     */
    public LinkCommand plan(NativeTarget target, List<Path> objects, boolean cpp, List<NativeTarget> libraries,
            List<String> dependencyLibraries) throws LinkException {
        return plan(target, objects, cpp, libraries, dependencyLibraries, false);
    }

    /**
     * Meson's {@code c_winlibs} / {@code cpp_winlibs}: the Windows libraries every program and DLL links, last (after
     * the project's and the dependencies' libraries, whose Windows symbols they resolve), as Meson links them. The
     * machine file's value, else Meson's default for gcc and clang. MinGW's gcc links only kernel32, user32, shell32
     * and advapi32 on its own: without these a program calling {@code CoInitialize} (ole32) links with Meson, not here.
     */
    private List<String> winlibs(boolean cpp) {
        String key = (cpp ? "cpp" : "c") + "_winlibs";
        return setup.builtInOptions().containsKey(key) ? setup.arguments(key) : DEFAULT_WINLIBS;
    }

    /** Meson 1.0's {@code gnu_winlibs}. */
    static final List<String> DEFAULT_WINLIBS = List.of("-lkernel32", "-luser32", "-lgdi32", "-lwinspool",
            "-lshell32", "-lole32", "-loleaut32", "-luuid", "-lcomdlg32", "-ladvapi32");

    /** Where the sources were looked for, with the globs that filtered them: what to correct. */
    private String searched(NativeTarget target) {
        if (target.sourceDirectories().isEmpty()) {
            return "";
        }
        List<String> folders = new ArrayList<>();
        for (Path folder : target.sourceDirectories()) {
            folders.add(argument(folder.toAbsolutePath().normalize()));
        }
        return " (searched: " + String.join(", ", folders)
                + (target.includes().isEmpty() ? "" : "; includes " + String.join(", ", target.includes()))
                + (target.excludes().isEmpty() ? "" : "; excludes " + String.join(", ", target.excludes())) + ")";
    }

    /**
     * @param nativeDependencyShared the target links a shared library of a native dependency (another module's,
     *     through pkg-config): it gets the rpath as if it linked one of the module's own, so that it finds the
     *     library beside it
     */
    public LinkCommand plan(NativeTarget target, List<Path> objects, boolean cpp, List<NativeTarget> libraries,
            List<String> dependencyLibraries, boolean nativeDependencyShared) throws LinkException {
        if (objects.isEmpty()) {
            throw new LinkException(target.name(), LinkOrder.element(target) + " " + target.name()
                    + " has no sources, so there is nothing to link; add C or C++ sources to its source directories"
                    + searched(target) + ".");
        }
        Path output = OutputNames.path(layout, host, target);
        Path temporary = OutputNames.temporaryDirectory(layout, host, target).resolve(output.getFileName());
        if (target.kind() == TargetKind.STATIC_LIBRARY) {
            return archive(target, objects, output, temporary);
        }
        OutputFormat format = OutputFormat.of(host);
        Compiler driver = driver(target, cpp);
        List<String> argv = new ArrayList<>(driver.argvWithoutLauncher());
        argv.addAll(OptionFlags.link(setup.options(), host, target.kind()));
        argv.addAll(StandardLibraries.linkArguments(setup, target, cpp));
        List<Path> inputs = new ArrayList<>(objects);
        Optional<Path> importLibrary = Optional.empty();
        Optional<Path> temporaryImportLibrary = Optional.empty();
        if (target.kind() == TargetKind.SHARED_LIBRARY) {
            argv.add("-shared");
            String fileName = output.getFileName().toString();
            switch (format) {
                case ELF -> argv.add("-Wl,-soname," + OutputNames.soname(host, target).orElseThrow());
                case MACH_O -> {
                    argv.add("-Wl,-install_name,@rpath/" + fileName);
                    OutputNames.soversion(host, target).ifPresent(version -> {
                        argv.add("-Wl,-compatibility_version," + version);
                        argv.add("-Wl,-current_version," + version);
                    });
                }
                case PE -> {
                    importLibrary = OutputNames.importLibraryPath(layout, host, target);
                    temporaryImportLibrary = importLibrary.map(p -> temporary.resolveSibling(p.getFileName()));
                    argv.add("-Wl,--out-implib," + argument(temporaryImportLibrary.orElseThrow()));
                }
            }
        }
        if (reproducible && format == OutputFormat.PE) {
            if (driver.id().targetTriple().contains("msvc")) {
                argv.add("-Wl,/Brepro");
            } else {
                argv.add("-Wl,--no-insert-timestamp");
                if (target.kind() == TargetKind.SHARED_LIBRARY) {
                    argv.add("-Wl,--disable-auto-image-base");
                }
            }
        }
        for (Path object : objects) {
            argv.add(argument(object));
        }
        boolean linksShared = nativeDependencyShared;
        List<String> searchFolders = new ArrayList<>();
        for (NativeTarget linkedTarget : libraries) {
            NativeTarget library = linkedTarget.linked();
            if (library.kind() == TargetKind.STATIC_LIBRARY) {
                Path archive = OutputNames.path(librariesLayout, host, library);
                argv.add(argument(archive));
                inputs.add(archive);
                continue;
            }
            linksShared = true;
            // PE links against the import library in lib/, the DLL itself is in bin/.
            Path linked = OutputNames.linkedPath(librariesLayout, host, library);
            if (OutputNames.foundByName(librariesLayout, host, library)) {
                String folder = "-L" + argument(linked.getParent());
                if (!searchFolders.contains(folder)) {
                    searchFolders.add(folder);
                    argv.add(folder);
                }
                argv.add("-l" + library.name());
            } else {
                argv.add(argument(linked));
            }
            inputs.add(linked);
        }
        if (linksShared) {
            rpath(output.getParent()).ifPresent(argv::add);
        }
        for (String library : dependencyLibraries) {
            argv.add(dependencyArgument(library));
        }
        argv.addAll(setup.arguments(cpp ? "cpp_link_args" : "c_link_args"));
        argv.addAll(target.linkerArgs());
        if (format == OutputFormat.PE) {
            argv.addAll(winlibs(cpp));
        }
        argv.add("-o");
        argv.add(argument(temporary));
        return new LinkCommand(target, argv, directory, output, temporary, importLibrary, temporaryImportLibrary,
                inputs, OutputNames.aliases(host, target));
    }

    private LinkCommand archive(NativeTarget target, List<Path> objects, Path output, Path temporary)
            throws LinkException {
        Tool ar = setup.toolchain().ar().orElseThrow(() -> new LinkException(target.name(), "<library> "
                + target.name() + " is a static library, but the toolchain for " + host + " has no ar: "
                + ToolRemedies.binutils(host, setup.build(), "ar") + "."));
        List<String> argv = new ArrayList<>(ar.argv());
        argv.add(OutputFormat.of(host) == OutputFormat.MACH_O ? "rcs" : "rcsD");
        argv.add(argument(temporary));
        for (Path object : objects) {
            argv.add(argument(object));
        }
        return new LinkCommand(target, argv, directory, output, temporary, Optional.empty(), Optional.empty(),
                objects);
    }

    /**
     * {@code file} as the link names it: relative to the directory the link runs in when it is under that directory
     * or in the libraries' layout (which holds the test layout, the native dependencies and the objects, and may be a
     * {@code cross.directory} outside the module), else as it is.
     */
    private String argument(Path file) {
        Path normalized = file.normalize();
        boolean project = normalized.startsWith(directory) || normalized.startsWith(librariesLayout.root());
        return project ? directory.relativize(normalized).toString() : file.toString();
    }

    /**
     * A pkg-config {@code --libs} element, with a library folder ({@code -L}) or library file of the project (a native
     * dependency's, unpacked into {@code deps/}) made relative as the project's own.
     */
    private String dependencyArgument(String element) {
        boolean folder = element.startsWith("-L");
        String path = folder ? element.substring(2) : element;
        if (!path.startsWith("/")) {
            return element;
        }
        String relative = argument(Path.of(path));
        return folder ? "-L" + relative : relative;
    }

    private Compiler driver(NativeTarget target, boolean cpp) throws LinkException {
        Language language = cpp ? Language.CPP : Language.C;
        Optional<Compiler> compiler = setup.toolchain().compiler(language);
        if (compiler.isEmpty()) {
            throw new LinkException(target.name(), LinkOrder.element(target) + " " + target.name() + " links with the "
                    + language.displayName() + " compiler driver, but setup recorded no " + language.displayName()
                    + " compiler for " + host + "; name one in the cross file's [binaries] " + language.binaryKey()
                    + " and build from the setup goal on (e.g. mvn package).");
        }
        return compiler.get();
    }

    /**
     * From the output's folder to the shared libraries' folder: {@code $ORIGIN/../lib} for an executable in
     * {@code bin/}, {@code $ORIGIN} for a library in {@code lib/}, {@code $ORIGIN/../../lib} for a test program in
     * {@code test/bin/}.
     */
    private Optional<String> rpath(Path outputDirectory) {
        String relative = outputDirectory.relativize(librariesLayout.lib()).toString().replace('\\', '/');
        String suffix = relative.isEmpty() ? "" : "/" + relative;
        return switch (OutputFormat.of(host)) {
            case ELF -> Optional.of("-Wl,-rpath,$ORIGIN" + suffix);
            case MACH_O -> Optional.of("-Wl,-rpath,@loader_path" + suffix);
            case PE -> Optional.empty();
        };
    }
}
