package dev.crossbuild.nativebuild;

import dev.crossbuild.machine.FileNaming;
import dev.crossbuild.machine.Machine;
import dev.crossbuild.machine.OutputFormat;
import java.nio.file.Path;
import java.util.Optional;

/**
 * File names ({@link FileNaming}'s rules, per target kind) and folders of link outputs.
 *
 * <p>Folders: static archives and import libraries go to {@code lib/}, executables to {@code bin/}. Shared
 * libraries go to {@code lib/}, except on PE systems, where a DLL goes to {@code bin/} next to the executables: Windows
 * has no rpath, a program finds its DLLs in its own folder or on {@code PATH}, so this is the placement that lets the
 * linked executables run as they are (what Meson and CMake do with runtime artifacts too).
 */
public final class OutputNames {

    private OutputNames() {
    }

    public static String fileName(Machine host, TargetKind kind, String name) {
        return switch (kind) {
            case STATIC_LIBRARY -> FileNaming.staticLibrary(name);
            case EXECUTABLE -> FileNaming.executable(host.system(), name);
            case SHARED_LIBRARY -> FileNaming.sharedLibrary(host.system(), name);
        };
    }

    /** {@code libNAME.dll.a}, what the linker finds for {@code -lNAME}: for shared libraries of PE systems only. */
    public static Optional<String> importLibraryName(Machine host, TargetKind kind, String name) {
        return kind == TargetKind.SHARED_LIBRARY ? FileNaming.importLibrary(host.system(), name) : Optional.empty();
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
        return directory(layout, host, target.kind()).resolve(fileName(host, target.kind(), target.name()));
    }

    /** Where the import library of {@code target} goes, when it has one. */
    public static Optional<Path> importLibraryPath(BuildLayout layout, Machine host, NativeTarget target) {
        return importLibraryName(host, target.kind(), target.name()).map(layout.lib()::resolve);
    }

    /** {@code debug/<file>.debug}: the split debug information of an output. */
    public static Path debugPath(BuildLayout layout, String outputFileName) {
        return layout.debug().resolve(outputFileName + ".debug");
    }

    /**
     * Where an output is written before it is finished: a folder of its own per target under {@code tmp/}, with the
     * output's final file name. The name matters: a DLL records its own file name (and its import library that
     * name), and objcopy's debuglink records the debug file's name, so both must be written under the names they
     * will have; only the folder differs.
     */
    public static Path temporaryDirectory(BuildLayout layout, NativeTarget target) {
        return layout.root().resolve("tmp").resolve(target.name());
    }
}
