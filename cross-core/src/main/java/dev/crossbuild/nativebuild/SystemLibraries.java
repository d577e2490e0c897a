package dev.crossbuild.nativebuild;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The libraries every machine of an operating system has, which an output may need without shipping them: the
 * default of the portability gate's allowed set (the module's own libraries and {@code <allowedLibraries>} are
 * added to it). Names are file names as {@code DT_NEEDED}, the PE import table or a Mach-O load command give them,
 * with {@code *} as a wildcard; Windows names are compared ignoring case.
 *
 * <p>Linux follows auditwheel's manylinux whitelist, narrowed to what a headless server or container has: glibc's
 * libraries and loader, the GCC runtime (libgcc_s, libstdc++, libatomic; libstdc++ is versioned, see
 * {@code maxGlibcxx}), and musl's C library. Left out of auditwheel's list: libnsl (deprecated by glibc, no longer
 * part of glibc on several current distributions), the X11/GL/GLib desktop libraries, libz and libexpat (absent from minimal images). Windows: the
 * system DLLs of every supported Windows version, the api-ms-win-* API sets, and msvcrt/ucrtbase. macOS: what
 * /usr/lib and /System/Library hold (the dyld shared cache).
 */
final class SystemLibraries {

    private static final List<String> LINUX = List.of(
            // glibc
            "libc.so.6", "libm.so.6", "libmvec.so.1", "libdl.so.2", "libpthread.so.0", "librt.so.1",
            "libresolv.so.2", "libanl.so.1", "libutil.so.1",
            // glibc's dynamic loader, per machine (ld-linux-x86-64.so.2, ld-linux-aarch64.so.1, ld64.so.2, ...)
            "ld-linux*.so.*", "ld64.so.*", "ld.so.*",
            // the GCC runtime
            "libgcc_s.so.1", "libstdc++.so.6", "libatomic.so.1",
            // musl (Debian's musl-gcc links libc.so; Alpine names it libc.musl-<arch>.so.1)
            "libc.so", "libc.musl-*.so.1", "ld-musl-*.so.1");

    private static final List<String> WINDOWS = List.of(
            "kernel32.dll", "kernelbase.dll", "ntdll.dll", "user32.dll", "gdi32.dll", "advapi32.dll", "shell32.dll",
            "ole32.dll", "oleaut32.dll", "comdlg32.dll", "comctl32.dll", "shlwapi.dll", "ws2_32.dll", "mswsock.dll",
            "iphlpapi.dll", "dnsapi.dll", "netapi32.dll", "winhttp.dll", "wininet.dll", "crypt32.dll", "bcrypt.dll",
            "ncrypt.dll", "secur32.dll", "rpcrt4.dll", "setupapi.dll", "cfgmgr32.dll", "userenv.dll", "version.dll",
            "psapi.dll", "dbghelp.dll", "winmm.dll", "imm32.dll", "dwmapi.dll", "uxtheme.dll", "opengl32.dll",
            "wtsapi32.dll", "msvcrt.dll", "ucrtbase.dll", "api-ms-win-*.dll");

    /** The DLLs of MinGW-w64's GCC runtime: present only where MinGW is installed. */
    private static final List<String> MINGW_RUNTIME = List.of(
            "libgcc_s_seh-1.dll", "libgcc_s_dw2-1.dll", "libgcc_s_sjlj-1.dll", "libstdc++-6.dll",
            "libwinpthread-1.dll", "libgomp-1.dll", "libatomic-1.dll", "libssp-0.dll", "libquadmath-0.dll",
            "libgfortran-5.dll");

    private final String system;
    private final String description;
    private final List<Pattern> patterns;

    private SystemLibraries(String system, String description, List<String> names) {
        this.system = system;
        this.description = description;
        this.patterns = names.stream().map(name -> glob(name, ignoresCase(system))).toList();
    }

    /** The system libraries of {@code system} (Meson's name); empty for a system without a table. */
    static Optional<SystemLibraries> of(String system) {
        return switch (system) {
            case "linux" -> Optional.of(new SystemLibraries(system, "glibc, musl and GCC runtime", LINUX));
            case "windows" -> Optional.of(new SystemLibraries(system, "Windows system DLLs", WINDOWS));
            case "darwin" -> Optional.of(new SystemLibraries(system, "/usr/lib and /System/Library", List.of()));
            default -> Optional.empty();
        };
    }

    /** {@code linux (glibc, musl and GCC runtime)}. */
    String describe() {
        return system + " (" + description + ")";
    }

    /** Whether {@code library} (a file name; for Mach-O the install name, a path) is a system library. */
    boolean contains(String library) {
        if (system.equals("darwin")) {
            return library.startsWith("/usr/lib/") || library.startsWith("/System/Library/");
        }
        String name = fileName(library);
        return patterns.stream().anyMatch(p -> p.matcher(name).matches());
    }

    /** Whether {@code library} is one of MinGW's runtime DLLs. */
    static boolean isMingwRuntime(String library) {
        String name = fileName(library).toLowerCase(Locale.ROOT);
        return MINGW_RUNTIME.contains(name);
    }

    /** Whether names of {@code system} are compared ignoring case (Windows). */
    static boolean ignoresCase(String system) {
        return system.equals("windows") || system.equals("cygwin");
    }

    /** The last part of a path ({@code @rpath/libdemo.dylib} -> {@code libdemo.dylib}). */
    static String fileName(String library) {
        int slash = Math.max(library.lastIndexOf('/'), library.lastIndexOf('\\'));
        return library.substring(slash + 1);
    }

    /** A file-name pattern: {@code *} any characters, {@code ?} one, the rest literally. */
    static Pattern glob(String pattern, boolean ignoreCase) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
    }
}
