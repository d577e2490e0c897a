package dev.crossbuild.nativebuild;

import dev.crossbuild.machine.FileNaming;
import dev.crossbuild.machine.Machine;
import dev.crossbuild.machine.OperatingSystems;
import dev.crossbuild.machine.OutputFormat;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * File names and folders of link outputs, as Meson 1.0.1 names them ({@code SharedLibrary.determine_filenames},
 * {@code get_aliases}, the linkers' {@code get_soname_args}), on top of {@link FileNaming}'s defaults. The methods
 * taking a target take one output ({@link NativeTarget#as}): a shared, static library or an executable.
 *
 * <ul>
 *   <li>Prefix and suffix: {@code <namePrefix>} / {@code <nameSuffix>} when given, else the system's ({@code lib} and
 *       {@code so} / {@code dylib}; on Windows no prefix and {@code dll}; {@code cyg} on Cygwin; static libraries
 *       {@code lib} and {@code a}; executables nothing and {@code exe} on Windows).
 *   <li>Versions of shared libraries ({@code soversion} defaults to the version's first number): ELF
 *       {@code libNAME.so.VERSION} (else {@code libNAME.so.SOVERSION}), SONAME {@code libNAME.so.SOVERSION}, and the
 *       aliases {@code libNAME.so.SOVERSION -> libNAME.so.VERSION} and {@code libNAME.so -> libNAME.so.SOVERSION}
 *       (only with the suffix {@code so}); darwin {@code libNAME.SOVERSION.dylib} with the alias
 *       {@code libNAME.dylib}; PE {@code NAME-SOVERSION.dll} (no alias: a DLL is found by the name its importers
 *       recorded). Android has no versioned names. Without a version the SONAME is the file name.
 *   <li>MinGW import libraries: {@code libNAME.dll.a} ({@code <namePrefix>NAME.dll.a} with a prefix), in {@code lib/}.
 * </ul>
 *
 * <p>Folders: static archives and import libraries go to {@code lib/}, executables to {@code bin/}. Shared
 * libraries go to {@code lib/}, except on PE systems, where a DLL goes to {@code bin/} next to the executables: Windows
 * has no rpath, a program finds its DLLs in its own folder or on {@code PATH}, so this is the placement that lets the
 * linked executables run as they are (what Meson and CMake do with runtime artifacts too).
 */
public final class OutputNames {

    /** A symbolic link made beside a versioned shared library: {@code name} points to {@code target} (a file name). */
    public record Alias(String name, String target) {
    }

    private OutputNames() {
    }

    /** The default file name of a target of {@code kind} named {@code name}. */
    public static String fileName(Machine host, TargetKind kind, String name) {
        return fileName(host, NativeTarget.builder(name, kind).build());
    }

    /** The output's file name. */
    public static String fileName(Machine host, NativeTarget target) {
        String system = host.system();
        String name = target.name();
        return switch (target.kind()) {
            case STATIC_LIBRARY -> target.namePrefix().orElse("lib") + name + "." + target.nameSuffix().orElse("a");
            case EXECUTABLE -> {
                String suffix = target.nameSuffix().orElse(OperatingSystems.executableSuffix(system));
                String prefixed = target.namePrefix().orElse("") + name;
                yield suffix.isEmpty() ? prefixed : prefixed + "." + suffix;
            }
            case SHARED_LIBRARY -> sharedLibrary(host, target);
            case BOTH_LIBRARIES -> throw new IllegalArgumentException("both libraries make two files; name each");
        };
    }

    private static String sharedLibrary(Machine host, NativeTarget target) {
        String base = prefix(host, target) + target.name();
        String suffix = suffix(host, target);
        Optional<String> soversion = soversion(host, target);
        return switch (OutputFormat.of(host)) {
            case PE -> base + soversion.map(v -> "-" + v).orElse("") + "." + suffix;
            case MACH_O -> base + soversion.map(v -> "." + v).orElse("") + "." + suffix;
            case ELF -> base + "." + suffix + version(host, target).or(() -> soversion).map(v -> "." + v).orElse("");
        };
    }

    /**
     * The SONAME of an ELF shared library: {@code libNAME.so.SOVERSION}, or the file name without a soversion.
     * Empty for other outputs and formats.
     */
    public static Optional<String> soname(Machine host, NativeTarget target) {
        if (target.kind() != TargetKind.SHARED_LIBRARY || OutputFormat.of(host) != OutputFormat.ELF) {
            return Optional.empty();
        }
        return Optional.of(prefix(host, target) + target.name() + "." + suffix(host, target)
                + soversion(host, target).map(v -> "." + v).orElse(""));
    }

    /**
     * The name an importer records for this shared library, and so the name the loader must give it (the file name
     * in the jar and in {@code index.tsv}): the SONAME on ELF ({@code libz.so.1}: {@code DT_NEEDED} of everything
     * linked against it), else the file name.
     */
    public static String runtimeName(Machine host, NativeTarget target) {
        return soname(host, target).orElseGet(() -> fileName(host, target));
    }

    /**
     * The symbolic links of a versioned shared library, in the order they are made: ELF
     * {@code libz.so.1 -> libz.so.1.3.1} (when the version differs from the soversion) and
     * {@code libz.so -> libz.so.1}, darwin {@code libz.dylib -> libz.1.dylib}. Only for the suffixes {@code so} and
     * {@code dylib}, as Meson.
     */
    public static List<Alias> aliases(Machine host, NativeTarget target) {
        List<Alias> aliases = new ArrayList<>();
        Optional<String> soversion = soversion(host, target);
        String suffix = suffix(host, target);
        if (target.kind() != TargetKind.SHARED_LIBRARY || soversion.isEmpty()
                || !(suffix.equals("so") || suffix.equals("dylib"))) {
            return aliases;
        }
        String file = fileName(host, target);
        String unversioned = prefix(host, target) + target.name() + "." + suffix;
        String linked = file;
        Optional<String> soname = soname(host, target);
        if (suffix.equals("so") && soname.isPresent() && !soname.get().equals(file)) {
            aliases.add(new Alias(soname.get(), file));
            linked = soname.get();
        }
        if (!unversioned.equals(linked)) {
            aliases.add(new Alias(unversioned, linked));
        }
        return aliases;
    }

    /** {@code libNAME.dll.a}, what the linker finds for {@code -lNAME}: for shared libraries of PE systems only. */
    public static Optional<String> importLibraryName(Machine host, NativeTarget target) {
        if (target.kind() != TargetKind.SHARED_LIBRARY || OutputFormat.of(host) != OutputFormat.PE) {
            return Optional.empty();
        }
        return Optional.of(target.namePrefix().orElse("lib") + target.name() + ".dll.a");
    }

    /** The folder of the layout an output goes to (see the class comment). */
    public static Path directory(BuildLayout layout, Machine host, TargetKind kind) {
        if (kind == TargetKind.EXECUTABLE
                || kind == TargetKind.SHARED_LIBRARY && OutputFormat.of(host) == OutputFormat.PE) {
            return layout.bin();
        }
        return layout.lib();
    }

    /** Where the output of {@code target} goes. */
    public static Path path(BuildLayout layout, Machine host, NativeTarget target) {
        return directory(layout, host, target.kind()).resolve(fileName(host, target));
    }

    /** Where the import library of {@code target} goes, when it has one. */
    public static Optional<Path> importLibraryPath(BuildLayout layout, Machine host, NativeTarget target) {
        return importLibraryName(host, target).map(layout.lib()::resolve);
    }

    /** Where the aliases of {@code target} go: beside it. */
    public static List<Path> aliasPaths(BuildLayout layout, Machine host, NativeTarget target) {
        Path folder = directory(layout, host, target.kind());
        return aliases(host, target).stream().map(alias -> folder.resolve(alias.name())).toList();
    }

    /**
     * The file a link against the library {@code library} (an output: {@link NativeTarget#linked()}) reads: the
     * import library on PE, the unversioned alias ({@code libz.so}) of a versioned library, else the library.
     */
    public static Path linkedPath(BuildLayout layout, Machine host, NativeTarget library) {
        Optional<Path> importLibrary = importLibraryPath(layout, host, library);
        if (importLibrary.isPresent()) {
            return importLibrary.get();
        }
        List<Path> aliases = aliasPaths(layout, host, library);
        return aliases.isEmpty() ? path(layout, host, library) : aliases.get(aliases.size() - 1);
    }

    /**
     * Whether {@code -L<folder> -l<name>} finds {@link #linkedPath}: its file name is the one the linker looks for
     * ({@code libNAME.so}, {@code libNAME.dylib}, {@code libNAME.dll.a}, {@code libNAME.a}); else a link names the file.
     */
    public static boolean foundByName(BuildLayout layout, Machine host, NativeTarget library) {
        String file = linkedPath(layout, host, library).getFileName().toString();
        String name = library.name();
        return switch (library.kind()) {
            case STATIC_LIBRARY -> file.equals("lib" + name + ".a");
            case SHARED_LIBRARY -> switch (OutputFormat.of(host)) {
                case PE -> file.equals("lib" + name + ".dll.a");
                case MACH_O -> file.equals("lib" + name + ".dylib");
                case ELF -> file.equals("lib" + name + ".so");
            };
            default -> false;
        };
    }

    /**
     * Every file an output puts into {@code lib/} and {@code bin/}: the output, its import library and its aliases.
     * Two outputs must never share one of these names (the jars hold the natives in one flat folder).
     */
    public static List<String> files(Machine host, NativeTarget target) {
        List<String> files = new ArrayList<>();
        files.add(fileName(host, target));
        importLibraryName(host, target).ifPresent(files::add);
        aliases(host, target).forEach(alias -> files.add(alias.name()));
        return files;
    }

    /** {@code debug/<file>.debug}: the split debug information of an output. */
    public static Path debugPath(BuildLayout layout, String outputFileName) {
        return layout.debug().resolve(outputFileName + ".debug");
    }

    /**
     * Where an output is written before it is finished: a folder of its own per output under {@code tmp/} (named
     * after the output's file, so that the shared and the static half of both libraries, or a library and an
     * executable of one name, never share it), with the output's final file name. The name matters: a DLL records its
     * own file name (and its import library that name), and objcopy's debuglink records the debug file's name, so
     * both must be written under the names they will have; only the folder differs.
     */
    public static Path temporaryDirectory(BuildLayout layout, Machine host, NativeTarget target) {
        return layout.temporary().resolve(fileName(host, target));
    }

    private static String prefix(Machine host, NativeTarget target) {
        return target.namePrefix().orElse(FileNaming.sharedLibraryPrefix(host.system()));
    }

    private static String suffix(Machine host, NativeTarget target) {
        return target.nameSuffix().orElse(FileNaming.sharedLibrarySuffix(host.system()));
    }

    /** Android has no versioned shared libraries (Meson ignores version and soversion there). */
    private static Optional<String> version(Machine host, NativeTarget target) {
        return host.system().equals("android") ? Optional.empty() : target.version();
    }

    /** A shared library's soversion: {@code <soversion>}, else the version's first number; none on Android. */
    public static Optional<String> soversion(Machine host, NativeTarget target) {
        if (host.system().equals("android")) {
            return Optional.empty();
        }
        return target.soversion().or(() -> target.version().map(v -> v.split("\\.")[0]));
    }
}
