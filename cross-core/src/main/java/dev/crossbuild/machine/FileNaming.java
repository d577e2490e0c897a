package dev.crossbuild.machine;

import java.util.Locale;
import java.util.Optional;

/**
 * How a system names programs and libraries, the way its own toolchains do: ELF systems {@code NAME},
 * {@code libNAME.so}, {@code libNAME.a}; darwin {@code libNAME.dylib}; windows {@code NAME.exe}, {@code NAME.dll} with
 * the import library {@code libNAME.dll.a}, and MinGW's {@code libNAME.a} archives; cygwin {@code cygNAME.dll}. The one
 * place these rules live; every file name a build writes or looks for comes from here.
 */
public final class FileNaming {

    private FileNaming() {
    }

    /** {@code NAME} plus the system's executable suffix ({@link OperatingSystems#executableSuffix}). */
    public static String executable(String system, String name) {
        String suffix = OperatingSystems.executableSuffix(system);
        return suffix.isEmpty() ? name : name + "." + suffix;
    }

    public static String sharedLibrary(String system, String name) {
        return sharedLibraryPrefix(system) + name + "." + sharedLibrarySuffix(system);
    }

    /** What a shared library's name starts with: {@code lib}; on PE systems nothing, {@code cyg} on Cygwin. */
    public static String sharedLibraryPrefix(String system) {
        return switch (OutputFormat.of(system)) {
            case PE -> system.equals("cygwin") ? "cyg" : "";
            case MACH_O, ELF -> "lib";
        };
    }

    /** A shared library's suffix, without the dot: {@code so}, {@code dll}, {@code dylib}. */
    public static String sharedLibrarySuffix(String system) {
        return switch (OutputFormat.of(system)) {
            case PE -> "dll";
            case MACH_O -> "dylib";
            case ELF -> "so";
        };
    }

    /** {@code libNAME.a} on every system, MinGW included. */
    public static String staticLibrary(String name) {
        return "lib" + name + ".a";
    }

    /** {@code libNAME.dll.a}, what the linker finds for {@code -lNAME}: PE systems only. */
    public static Optional<String> importLibrary(String system, String name) {
        return OutputFormat.of(system) == OutputFormat.PE ? Optional.of("lib" + name + ".dll.a") : Optional.empty();
    }

    /** A program's file name without a Windows {@code .exe} suffix ({@code pkg-config.exe} -> {@code pkg-config}). */
    public static String withoutExecutableSuffix(String fileName) {
        return fileName.toLowerCase(Locale.ROOT).endsWith(".exe")
                ? fileName.substring(0, fileName.length() - 4)
                : fileName;
    }
}
