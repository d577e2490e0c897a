package dev.crossbuild.toolchain;

import dev.crossbuild.exec.HostEnvironment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A cross toolchain made of {@code #!/bin/sh} scripts in a temporary {@code bin} directory, answering as Debian's
 * real {@code aarch64-linux-gnu-gcc} 12.2.0 does (outputs copied from it): {@code -v}, {@code -dumpmachine},
 * {@code -dumpfullversion}, {@code --version}, {@code -print-sysroot}, {@code -print-libgcc-file-name},
 * {@code -print-file-name=X} (a path when the file is installed, else the bare name), and compiling or linking
 * (creating {@code -o out}, or failing with ld's own message for the first missing start file or library, unless
 * {@code -nostdlib} asks for none).
 * "Installed" files are real empty files under a temporary {@code root}, because the doctor checks that they exist.
 * Public for the setup tests, which diagnose through {@code CrossSetup}.
 */
public final class FakeToolchain {

    private final Path bin;
    private final Path root;

    public FakeToolchain(Path directory) {
        this.bin = directory.resolve("bin");
        this.root = directory.resolve("root");
        try {
            Files.createDirectories(bin);
            Files.createDirectories(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path bin() {
        return bin;
    }

    /** PATH = only the fake bin directory; the build machine's compilers are out of sight. */
    public HostEnvironment environment() {
        return HostEnvironment.of(Map.of("PATH", bin.toString()), Map.of("os.name", "Linux"), bin.getParent());
    }

    /** One gcc driver: its name, target, which target files are installed, and whether zlib.h is. */
    public static final class Gcc {
        final String name;
        final String triple;
        final Set<String> installed = new LinkedHashSet<>(List.of("Scrt1.o", "crti.o", "libc.so", "libgcc.a",
                "libstdc++.so", "libstdc++.a"));
        boolean zlibHeader = true;

        public Gcc(String name, String triple) {
            this.name = name;
            this.triple = triple;
        }

        public Gcc without(String... files) {
            installed.removeAll(List.of(files));
            return this;
        }

        public Gcc with(String... files) {
            installed.addAll(List.of(files));
            return this;
        }

        public Gcc withoutZlibHeader() {
            zlibHeader = false;
            return this;
        }
    }

    /** Writes the gcc script (and the files it reports as installed); returns its path. */
    public Path gcc(Gcc gcc) {
        Path libDir = root.resolve(gcc.triple + "/lib");
        Path gccDir = root.resolve("gcc-cross/" + gcc.triple + "/12");
        boolean cpp = gcc.name.contains("g++");
        StringBuilder fileCases = new StringBuilder();
        for (String file : gcc.installed) {
            Path path = (file.startsWith("libgcc") || file.startsWith("libstdc++") ? gccDir : libDir).resolve(file);
            touch(path);
            fileCases.append("      ").append(file).append(") echo '").append(path).append("';;\n");
        }
        List<String> linkNeeds = new ArrayList<>(List.of("Scrt1.o", "crti.o", "libc.so", "libgcc.a"));
        if (cpp) {
            linkNeeds.add("libstdc++.so");
        }
        StringBuilder linkChecks = new StringBuilder();
        for (String need : linkNeeds) {
            if (!gcc.installed.contains(need)) {
                String what = need.endsWith(".o") ? need : "-l" + need.substring(3, need.indexOf('.'));
                linkChecks.append("  echo '/usr/lib/gcc-cross/").append(gcc.triple).append("/12/../../../../")
                        .append(gcc.triple).append("/bin/ld: cannot find ").append(what)
                        .append(": No such file or directory' >&2\n  echo 'collect2: error: ld returned 1 exit status' >&2\n  exit 1\n");
                break;
            }
        }
        String libgcc = gcc.installed.contains("libgcc.a") ? gccDir.resolve("libgcc.a").toString() : "libgcc.a";
        String script = "#!/bin/sh\n"
                + "out=a.out; prev=; syntax=; zlib=; nostdlib=\n"
                + "for a in \"$@\"; do\n"
                + "  case \"$a\" in\n"
                + "    -v) printf '%s\\n' 'Using built-in specs.' 'COLLECT_GCC=" + gcc.name + "' "
                + "'Target: " + gcc.triple + "' 'Configured with: ../src/configure -v --with-sysroot=/ --target="
                + gcc.triple + "' 'Thread model: posix' 'Supported LTO compression algorithms: zlib zstd' "
                + "'gcc version 12.2.0 (Debian 12.2.0-14) ' >&2; exit 0;;\n"
                + "    -dumpmachine) echo '" + gcc.triple + "'; exit 0;;\n"
                + "    -dumpfullversion) echo 12.2.0; exit 0;;\n"
                + "    --version) printf '%s\\n' '" + gcc.name + " (Debian 12.2.0-14) 12.2.0' "
                + "'Copyright (C) 2022 Free Software Foundation, Inc.'; exit 0;;\n"
                + "    -print-sysroot) echo /; exit 0;;\n"
                + "    -print-libgcc-file-name) echo '" + libgcc + "'; exit 0;;\n"
                + "    -print-file-name=*) name=${a#-print-file-name=}\n"
                + "      case \"$name\" in\n" + fileCases + "      *) echo \"$name\";;\n      esac; exit 0;;\n"
                + "    -fsyntax-only) syntax=1;;\n"
                + "    -nostdlib) nostdlib=1;;\n"
                + "  esac\n"
                + "  if [ \"$prev\" = -o ]; then out=$a; fi\n"
                + "  case \"$a\" in zlib_probe.*) zlib=1;; esac\n"
                + "  prev=$a\n"
                + "done\n"
                + (gcc.zlibHeader ? "" : "if [ -n \"$zlib\" ]; then echo 'zlib_probe.c:1:10: fatal error: zlib.h: "
                        + "No such file or directory' >&2; exit 1; fi\n")
                + "if [ -n \"$syntax\" ]; then exit 0; fi\n"
                + (linkChecks.length() == 0 ? "" : "if [ -z \"$nostdlib\" ]; then\n" + linkChecks + "fi\n")
                + ": > \"$out\"\n";
        return executable(gcc.name, script);
    }

    /**
     * Debian clang 14 as a cross compiler: {@code -v} names the {@code --target} it was given, with clang's vendor
     * field ({@code aarch64-unknown-linux-gnu}); anything else succeeds, creating {@code -o out}.
     */
    public Path clang(String name) {
        return executable(name, "#!/bin/sh\n"
                + "t=x86_64-linux-gnu; out=a.out; prev=\n"
                + "for a in \"$@\"; do case \"$a\" in --target=*) t=${a#--target=};; esac; done\n"
                + "for a in \"$@\"; do\n"
                + "  case \"$a\" in -v) printf '%s\\n' 'Debian clang version 14.0.6' \"Target: ${t%%-*}-unknown-${t#*-}\" "
                + "'Thread model: posix' 'InstalledDir: /usr/bin' >&2; exit 0;; esac\n"
                + "  if [ \"$prev\" = -o ]; then out=$a; fi; prev=$a\n"
                + "done\n"
                + ": > \"$out\"\n");
    }

    /** A program that does nothing and succeeds (ar, strip, qemu-aarch64 ...). */
    public Path program(String name) {
        return executable(name, "#!/bin/sh\nexit 0\n");
    }

    /** A {@code #!/bin/sh} script of one's own (a fake distcc answering --show-hosts ...). */
    public Path script(String name, String script) {
        return executable(name, script);
    }

    private Path executable(String name, String script) {
        try {
            Path file = Files.writeString(bin.resolve(name), script);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void touch(Path path) {
        try {
            Files.createDirectories(path.getParent());
            if (!Files.exists(path)) {
                Files.createFile(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The binutils of a Debian cross toolchain: {@code <triple>-ar}, {@code -ranlib}, {@code -strip}, ... */
    public void binutils(String triple, String... except) {
        Set<String> skip = Set.of(except);
        for (String tool : List.of("ar", "ranlib", "strip", "objcopy", "ld")) {
            if (!skip.contains(tool)) {
                program(triple + "-" + tool);
            }
        }
    }
}
