package dev.crossbuild.cli;

import dev.crossbuild.crossfile.CrossEnvironment;
import dev.crossbuild.crossfile.CrossFileException;
import dev.crossbuild.crossfile.CrossFileLocator;
import dev.crossbuild.crossfile.CrossFileWarning;
import dev.crossbuild.exec.HostEnvironment;
import dev.crossbuild.json.Json;
import dev.crossbuild.machine.Aliases;
import dev.crossbuild.setup.CrossSetup;
import dev.crossbuild.setup.Introspection;
import dev.crossbuild.toolchain.Diagnosis;
import dev.crossbuild.toolchain.DoctorRequest;
import java.io.PrintStream;
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
              help         Print this text.

            Options of introspect:
              --cross-file F    A cross file (host and target machine). Repeat to layer several files:
                                later files override earlier ones key by key, as Meson does.
              --native-file N   A native file (build machine tools). Repeatable.

            Options of doctor (and --cross-file, --native-file as above):
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

            A file name is looked up as a path (relative to the working directory), then in Meson's
            cross/native data directories ($XDG_DATA_HOME/meson/cross, ~/.local/share/meson/cross,
            $XDG_DATA_DIRS/meson/cross), then among the bundled presets:
              %s
            Without --cross-file the build is native: host and target are the build machine.

            Exit status: 0 on success (doctor: the toolchain is ready); 1 when the doctor found a blocking
            problem; 2 when a file cannot be found or read or is malformed (the message on standard error reads
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
                default -> throw new UsageException("unknown command '" + line.command() + "'", line.command());
            };
        } catch (UsageException e) {
            err.println("cross: " + e.getMessage());
            e.remedy().ifPresent(err::println);
            return BAD_INPUT;
        } catch (CrossFileException e) {
            err.println(e.getMessage());
            return BAD_INPUT;
        }
    }

    private int help() {
        out.print(USAGE.formatted(String.join(", ", CrossFileLocator.presetNames())));
        return OK;
    }

    private int doctor(CommandLine line) throws CrossFileException {
        Diagnosis diagnosis = new CrossSetup(environment).diagnose(line.crossFiles(), line.nativeFiles(),
                List.of(environment.workingDirectory()), Optional.empty(),
                new DoctorRequest(line.languages(), line.strip(), line.libraries()), line.buildLanguages(),
                line.launchers());
        if (line.json()) {
            out.println(Json.write(diagnosis.toJson()));
        } else {
            diagnosis.render().forEach(out::println);
        }
        return diagnosis.ready() ? OK : NOT_READY;
    }

    private int introspect(CommandLine line) throws CrossFileException {
        CrossEnvironment loaded = new CrossSetup(environment)
                .load(line.crossFiles(), line.nativeFiles(), List.of(environment.workingDirectory()), Optional.empty());
        for (CrossFileWarning warning : loaded.warnings()) {
            err.println("warning: " + warning);
        }
        out.println(Json.write(Introspection.of(loaded, Aliases.classifier(loaded.machines().host()))));
        return OK;
    }
}
