package dev.crossbuild.cli;

import dev.crossbuild.crossfile.CrossEnvironment;
import dev.crossbuild.crossfile.CrossFileException;
import dev.crossbuild.crossfile.CrossFileLocator;
import dev.crossbuild.crossfile.CrossFileWarning;
import dev.crossbuild.exec.HostEnvironment;
import dev.crossbuild.json.Json;
import dev.crossbuild.setup.CrossSetup;
import dev.crossbuild.setup.Introspection;
import dev.crossbuild.toolchain.Diagnosis;
import dev.crossbuild.toolchain.DoctorRequest;
import dev.crossbuild.setup.SysrootSettings;
import dev.crossbuild.sysroot.Sysroot;
import dev.crossbuild.sysroot.SysrootException;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code java -jar cross-core.jar <command> ...}: the library's functions without Maven. Exit codes: 0 success,
 * 1 the doctor found the toolchain not ready, 2 a bad machine file or bad usage (the message names the file and
 * line, or the option).
 */
public final class Main {

    static final int OK = 0;
    static final int NOT_READY = 1;
    static final int BAD_INPUT = 2;

    static final String USAGE = """
            Usage: java -jar cross-core.jar <command> [options]

            Commands:
              introspect   Read Meson-style machine files and print, as JSON, the build, host and target
                           machines (system, cpu_family, cpu, endian, kernel, subsystem, is_64_bit),
                           is_cross_build, can_run_host_binaries, needs_exe_wrapper, the host's binaries,
                           properties and built-in options, the files read, the output classifier and warnings.
              doctor       Check every piece a build for the host machine of the cross files needs (compilers,
                           C runtime, libstdc++, linker, binutils, exe_wrapper ...) and print each as found or
                           missing, with the exact remedy (Debian/Ubuntu package or cross-file key), root
                           causes first.
              sysroot      Fetch the Debian packages named with --package (and the cross files'
                           [properties] sysroot_packages), with their library dependencies, for the host
                           machine's Debian architecture into a private sysroot in the cache, as the plugin's
                           <sysrootPackages> does, and print its folder (for CI caching). No root, no
                           multiarch; needs apt-get, apt-cache and dpkg-deb (Debian or Ubuntu).
              help         Print this text.

            Options of introspect:
              --cross-file F    A cross file (host and target machine). Repeat to layer several files:
                                later files override earlier ones key by key, as Meson does.
              --native-file N   A native file (build machine tools). Repeatable.

            Options of doctor (and --cross-file, --native-file as above; --package, --cache and --offline
            as for sysroot below: the doctor then checks the build with that private sysroot):
              --json            Print the findings as JSON instead of text.
              --language L      Check only what language L needs: c or cpp (repeatable; default both).
              --no-strip        Do not require the target's strip and objcopy.
              --library L       Also check that library L is there for the host machine: its header
                                compiles and the compiler finds it (repeatable; the doctor knows zlib).
              --build-language L
                                Also check the build machine's compiler for language L (c or cpp, repeatable),
                                as for tools built for the build machine: from the native files' [binaries],
                                else cc / c++.
              --no-ccache       Do not put ccache (or sccache) in front of the compilers, as a build does by
                                default when it is on PATH (cross.ccache=false).
              --launcher P      Compile through the compile farm client P: distcc or icecc (cross.launcher);
                                the doctor reports it and, for distcc, the remote slots of its host list.

            Options of sysroot (and --cross-file, --native-file as above):
              --package P       A Debian package for the host machine, e.g. zlib1g-dev (repeatable).
              --cache DIR       The sysroot cache (default: $XDG_CACHE_HOME or ~/.cache, then /cross/sysroots).
              --offline         Use only what the cache holds; fail naming the packages when it lacks them.
              --refresh         Fetch the package index again even when it is less than a day old.
              --json            Print the sysroot (path, packages with versions) as JSON.

            A file name is looked up as a path (relative to the working directory), then in Meson's
            cross/native data directories ($XDG_DATA_HOME/meson/cross, ~/.local/share/meson/cross,
            $XDG_DATA_DIRS/meson/cross), then among the bundled presets:
              %s
            Without --cross-file the build is native: host and target are the build machine.

            Exit status: 0 on success (doctor: the toolchain is ready); 1 when the doctor found a blocking
            problem, or the sysroot cannot be made (the message says why and what to do); 2 when a file cannot be found or read or is malformed (the message on standard error reads
            file:line: problem), or when the command line is wrong.
            """;

    private final HostEnvironment environment;
    private final PrintStream out;
    private final PrintStream err;

    Main(HostEnvironment environment, PrintStream out, PrintStream err) {
        this.environment = environment;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new Main(HostEnvironment.system(), System.out, System.err).run(List.of(args)));
    }

    int run(List<String> args) {
        try {
            CommandLine line = CommandLine.parse(args);
            return switch (line.command()) {
                case "help" -> help();
                case "introspect" -> introspect(line);
                case "doctor" -> doctor(line);
                case "sysroot" -> sysroot(line);
                default -> throw new UsageException("unknown command '" + line.command() + "'", line.command());
            };
        } catch (UsageException e) {
            err.println("cross: " + e.getMessage());
            e.remedy().ifPresent(err::println);
            return BAD_INPUT;
        } catch (CrossFileException e) {
            err.println(e.getMessage());
            return BAD_INPUT;
        } catch (SysrootException e) {
            err.println("cross: " + e.getMessage());
            e.remedy().filter(r -> !e.getMessage().contains(r)).ifPresent(err::println);
            return NOT_READY;
        } catch (IOException e) {
            err.println("cross: " + e.getMessage());
            return NOT_READY;
        }
    }

    private int sysroot(CommandLine line) throws CrossFileException, SysrootException, IOException, UsageException {
        Optional<Sysroot> sysroot = new CrossSetup(environment).sysroot(line.crossFiles(), line.nativeFiles(),
                List.of(environment.workingDirectory()), Optional.empty(), sysrootSettings(line));
        if (sysroot.isEmpty()) {
            throw new UsageException("sysroot needs packages: --package P, or [properties] sysroot_packages in a "
                    + "cross file", "--package");
        }
        out.println(line.json() ? Json.write(sysroot.get().toJson()) : sysroot.get().root().toString());
        return OK;
    }

    private int help() {
        out.print(USAGE.formatted(String.join(", ", CrossFileLocator.presetNames())));
        return OK;
    }

    private int doctor(CommandLine line) throws CrossFileException, SysrootException, IOException {
        Diagnosis diagnosis = new CrossSetup(environment).diagnose(line.crossFiles(), line.nativeFiles(),
                List.of(environment.workingDirectory()), Optional.empty(),
                new DoctorRequest(line.languages(), line.strip(), line.libraries()), line.buildLanguages(),
                line.launchers(), sysrootSettings(line));
        if (line.json()) {
            out.println(Json.write(diagnosis.toJson()));
        } else {
            diagnosis.render().forEach(out::println);
        }
        return diagnosis.ready() ? OK : NOT_READY;
    }

    /** {@code --package}, {@code --cache}, {@code --offline}, {@code --refresh}; progress lines on standard error. */
    private SysrootSettings sysrootSettings(CommandLine line) {
        return new SysrootSettings(line.packages(), line.cache().map(environment.workingDirectory()::resolve),
                line.offline(), line.refresh(), Duration.ofMinutes(5), message -> err.println("cross: " + message));
    }

    private int introspect(CommandLine line) throws CrossFileException {
        CrossEnvironment loaded = new CrossSetup(environment)
                .load(line.crossFiles(), line.nativeFiles(), List.of(environment.workingDirectory()), Optional.empty());
        for (CrossFileWarning warning : loaded.warnings()) {
            err.println("warning: " + warning);
        }
        out.println(Json.write(Introspection.of(loaded, loaded.hostClassifier())));
        return OK;
    }
}
