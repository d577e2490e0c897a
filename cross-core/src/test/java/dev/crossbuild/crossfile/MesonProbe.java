package dev.crossbuild.crossfile;

import dev.crossbuild.exec.Command;
import dev.crossbuild.exec.HostEnvironment;
import dev.crossbuild.exec.ProcessResult;
import dev.crossbuild.exec.ProcessRunner;
import dev.crossbuild.machine.BuildMachineDetector;
import dev.crossbuild.machine.Machine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What the real Meson and our reader make of the same cross files, in one shape to compare: {@code rejected}, or one
 * line per machine ({@code build=linux|x86_64|x86_64|little}), the flags {@code is_cross_build|can_run_host_binaries},
 * and on request the values of some {@code [properties]} keys as Meson's {@code message()} prints them. Meson runs
 * {@code meson setup} on a probe project without languages, so no compiler is needed.
 */
final class MesonProbe {

    private static final ProcessRunner RUNNER = ProcessRunner.system();
    private static final Machine BUILD = BuildMachineDetector.detect(HostEnvironment.system());
    private static final Pattern RESULT = Pattern.compile("Message: RESULT (.*?) ENDRESULT", Pattern.DOTALL);

    private MesonProbe() {
    }

    static boolean mesonAvailable() {
        try {
            return RUNNER.run(new Command(List.of("meson", "--version"), Optional.empty(), Map.of(),
                    Duration.ofSeconds(30))).exitCode() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Our reader's description, or {@code rejected} when it throws a {@link CrossFileException}. */
    static String ours(List<Path> files, Collection<String> properties) {
        try {
            List<MachineFileSource> sources = new ArrayList<>();
            for (Path file : files) {
                sources.add(MachineFileSource.read(file));
            }
            CrossEnvironment environment = CrossEnvironment.load(sources, List.of(), BUILD,
                    new MachineFileContext(Optional.empty(), Optional.of(Path.of(System.getProperty("user.home")))));
            var machines = environment.machines();
            List<String> lines = new ArrayList<>(List.of("build=" + describe(machines.build()),
                    "host=" + describe(machines.host()), "target=" + describe(machines.target()),
                    "flags=" + environment.isCrossBuild() + "|" + environment.canRunHostBinaries()));
            for (String key : properties) {
                Value value = environment.host().properties().get(key);
                lines.add("property " + key + " = " + (value == null ? "MISSING" : value.mesonRepr()));
            }
            return String.join("\n", lines);
        } catch (CrossFileException e) {
            return "rejected";
        }
    }

    /** Meson's description, from a fresh probe project and build folder below {@code work}. */
    static String meson(List<Path> files, Collection<String> properties, Path work) throws IOException {
        return mesonOutcome(files, properties, work).description();
    }

    /** What {@code meson setup} said: the description, and when it failed, its {@code ERROR:} line. */
    record Outcome(String description, String error) {
    }

    static Outcome mesonOutcome(List<Path> files, Collection<String> properties, Path work) throws IOException {
        Path source = Files.createTempDirectory(work, "src");
        Files.writeString(source.resolve("meson.build"), probe(properties));
        List<String> argv = new ArrayList<>(List.of("meson", "setup"));
        for (Path file : files) {
            argv.add("--cross-file");
            argv.add(file.toString());
        }
        argv.add(source.resolve("build").toString());
        argv.add(source.toString());
        ProcessResult result = RUNNER.run(new Command(argv, Optional.of(source), Map.of(), Duration.ofSeconds(60)));
        if (result.exitCode() != 0) {
            // a crash names the Python exception (RecursionError: ...) apart from "ERROR: Unhandled python exception"
            String output = result.stdout() + "\n" + result.stderr();
            String error = output.lines().filter(line -> line.startsWith("RecursionError")).findFirst()
                    .or(() -> output.lines().filter(line -> line.contains("ERROR:")).findFirst())
                    .orElse("exit " + result.exitCode());
            return new Outcome("rejected", error);
        }
        List<String> lines = new ArrayList<>();
        Matcher matcher = RESULT.matcher(result.stdout());
        while (matcher.find()) {
            lines.add(matcher.group(1));
        }
        return new Outcome(String.join("\n", lines), "");
    }

    private static String probe(Collection<String> properties) {
        String keys = properties.stream()
                .map(key -> "'" + key.replace("\\", "\\\\") + "'")
                .collect(Collectors.joining(", "));
        return """
                project('probe')
                foreach m : [['build', build_machine], ['host', host_machine], ['target', target_machine]]
                  message('RESULT', m[0] + '=' + m[1].system() + '|' + m[1].cpu_family() + '|' + m[1].cpu() + '|'
                    + m[1].endian(), 'ENDRESULT')
                endforeach
                message('RESULT', 'flags=' + meson.is_cross_build().to_string() + '|'
                  + meson.can_run_host_binaries().to_string(), 'ENDRESULT')
                foreach k : [%s]
                  message('RESULT', 'property ' + k + ' =', meson.get_external_property(k, 'MISSING'), 'ENDRESULT')
                endforeach
                """.formatted(keys);
    }

    private static String describe(Machine m) {
        return m.system() + "|" + m.cpuFamily() + "|" + m.cpu() + "|" + m.endian().mesonName();
    }
}
