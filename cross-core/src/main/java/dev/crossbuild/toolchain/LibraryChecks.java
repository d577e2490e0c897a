package dev.crossbuild.toolchain;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The target's C runtime as its compiler sees it, asked with {@code -print-file-name} before anything is linked:
 * the start files ({@code Scrt1.o}, {@code crti.o}; MinGW's {@code crt2.o}, {@code dllcrt2.o}), the C library
 * ({@code libc.so}; {@code libmsvcrt.a}), libgcc, libstdc++ and zlib. What users of other tools see instead is a
 * link failing with {@code cannot find Scrt1.o} or {@code cannot find -lz}. Systems other than Linux and Windows
 * are left to the test link.
 */
final class LibraryChecks {

    static final String CRT = "crt-objects";
    static final String LIBC = "libc";
    static final String LIBGCC = "libgcc";
    static final String LIBSTDCXX = "libstdc++";
    static final String ZLIB = "zlib";

    private final CompilerQueries queries;
    private final MachineSetup setup;
    private final DebianPackages packages;

    LibraryChecks(CompilerQueries queries, MachineSetup setup) {
        this.queries = queries;
        this.setup = setup;
        this.packages = DebianPackages.forMachine(setup.machine(), setup.buildMachine());
    }

    private boolean linux() {
        return setup.machine().system().equals("linux");
    }

    private boolean windows() {
        return setup.machine().system().equals("windows");
    }

    private String machine() {
        return TargetMatch.platform(setup.machine());
    }

    /**
     * Start files, C library and libgcc, asked from {@code compiler} (the C compiler, else the C++ one); with a custom
     * standard library for its language ({@code c_stdlib}) none of them is needed: links are {@code -nostdlib}.
     */
    List<Finding> cRuntime(Compiler compiler) {
        Optional<String> standardLibrary = setup.standardLibrary(compiler.language());
        if (standardLibrary.isPresent()) {
            return customRuntime(compiler, standardLibrary.get());
        }
        List<Finding> findings = new ArrayList<>();
        Optional<String> installLibc = packages.libcDev().map(p -> DebianPackages.install(List.of(p)));
        if (linux() || windows()) {
            List<String> startFiles = windows() ? List.of("crt2.o", "dllcrt2.o") : List.of("Scrt1.o", "crti.o");
            Finding crt = files(CRT, "C runtime start files", compiler, startFiles, installLibc,
                    "linking would fail with 'cannot find " + startFiles.get(0) + "'");
            String libc = windows() ? "libmsvcrt.a" : "libc.so";
            Finding library = files(LIBC, "C library", compiler, List.of(libc), installLibc,
                    "linking would fail with 'cannot find -lc'");
            findings.add(crt);
            // One package brings both: a missing libc then follows from the missing start files.
            findings.add(!crt.isOk() && !library.isOk() ? library.causedBy(crt) : library);
        }
        Optional<Path> libgcc = queries.libgcc(compiler);
        if (libgcc.isPresent()) {
            findings.add(Finding.ok(LIBGCC, "libgcc for " + machine(), libgcc.get().toString()));
        } else {
            findings.add(Finding.missing(LIBGCC, "libgcc for " + machine(), shortName(compiler) + " -print-libgcc-file-name names no "
                    + "existing file for " + machine() + "; linking would fail with 'cannot find -lgcc'",
                    packages.compiler(Language.C).map(p -> DebianPackages.install(List.of(p)))));
        }
        return findings;
    }

    /**
     * With {@code c_stdlib}: the C library is the module's own, so the toolchain's start files, C library and libgcc
     * are not linked (a bare-metal toolchain has none of the first two); said once, not checked.
     */
    private List<Finding> customRuntime(Compiler compiler, String library) {
        String key = compiler.language().standardLibraryKey();
        List<Finding> findings = new ArrayList<>();
        findings.add(Finding.ok(LIBC, compiler.language().displayName() + " standard library for " + machine(),
                "the module's <library> " + library + " (" + setup.origin("properties", key) + "): host targets are "
                        + "compiled against its headers (-nostdinc) and linked with it (-nostdlib), so the toolchain's "
                        + "start files and C library are not needed"));
        Optional<Path> libgcc = queries.libgcc(compiler);
        findings.add(Finding.ok(LIBGCC, "libgcc for " + machine(), libgcc.map(path -> path + "; not linked by "
                + "-nostdlib: add -lgcc to " + compiler.language().binaryKey() + "_link_args if the code needs its "
                + "helpers").orElse("not needed: -nostdlib links no libgcc")));
        return findings;
    }

    /** libstdc++ for the C++ compiler: the shared library on Linux, the static archive for MinGW. */
    Finding libstdcxx(Compiler compiler) {
        List<String> names = windows() ? List.of("libstdc++.a") : List.of("libstdc++.so", "libstdc++.a");
        Optional<String> install = packages.compiler(Language.CPP).map(p -> DebianPackages.install(List.of(p)));
        return anyOf(LIBSTDCXX, "C++ standard library", compiler, names, install,
                "linking C++ would fail with 'cannot find -lstdc++'");
    }

    /**
     * zlib for the machine: {@code zlib.h} compiles, and the compiler finds the library (where it looks by itself, or
     * in a {@code -L} folder of the link arguments: a private sysroot's).
     */
    Finding zlib(Compiler compiler, Path directory) {
        String subject = "zlib for " + machine();
        Optional<String> install = packages.installZlib();
        boolean header;
        try {
            String file = "zlib_probe." + compiler.language().sourceSuffix();
            header = queries.build(compiler, directory, file, "#include <zlib.h>\nint cross_zlib_probe;\n", false)
                    .succeeded();
        } catch (IOException e) {
            header = false;
        }
        List<String> names = windows() ? List.of("libz.dll.a", "libz.a") : List.of("libz.so", "libz.a");
        Optional<Path> library = Optional.empty();
        for (String name : names) {
            library = queries.findFile(compiler, name);
            if (library.isPresent()) {
                break;
            }
        }
        if (header && library.isPresent()) {
            return Finding.ok(ZLIB, subject, "zlib.h, " + library.get());
        }
        String missing = !header && library.isEmpty() ? "neither zlib.h nor " + String.join(" / ", names)
                : header ? "zlib.h compiles, but " + shortName(compiler) + " finds no " + String.join(" / ", names)
                : "the compiler finds " + library.get() + " but no zlib.h";
        return Finding.missing(ZLIB, subject, missing + "; linking with -lz would fail", install);
    }

    private Finding files(String id, String subject, Compiler compiler, List<String> names, Optional<String> remedy,
            String consequence) {
        List<String> missing = new ArrayList<>();
        List<Path> found = new ArrayList<>();
        for (String name : names) {
            queries.findFile(compiler, name).ifPresentOrElse(found::add, () -> missing.add(name));
        }
        if (missing.isEmpty()) {
            return Finding.ok(id, subject + " for " + machine(),
                    String.join(", ", found.stream().map(Path::toString).toList()));
        }
        return Finding.missing(id, subject + " for " + machine(), shortName(compiler) + " does not find "
                + String.join(", ", missing) + " (-print-file-name); " + consequence, remedy);
    }

    private Finding anyOf(String id, String subject, Compiler compiler, List<String> names, Optional<String> remedy,
            String consequence) {
        for (String name : names) {
            Optional<Path> found = queries.findFile(compiler, name);
            if (found.isPresent()) {
                return Finding.ok(id, subject + " for " + machine(), found.get().toString());
            }
        }
        return Finding.missing(id, subject + " for " + machine(), shortName(compiler) + " does not find "
                + String.join(" or ", names) + " (-print-file-name); " + consequence, remedy);
    }

    /** The compiler's file name, for messages: {@code aarch64-linux-gnu-gcc}. */
    static String shortName(Compiler compiler) {
        return Launchers.baseName(compiler.argvWithoutLauncher().get(0));
    }
}
