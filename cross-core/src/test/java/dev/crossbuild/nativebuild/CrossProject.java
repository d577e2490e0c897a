package dev.crossbuild.nativebuild;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.crossbuild.machine.Machine;
import dev.crossbuild.toolchain.Toolchain;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A module on disk for real link tests: sources under {@code src/<target>/}, the layout under
 * {@code target/cross/<classifier>/}, a setup for a real cross toolchain, objects compiled by {@link NativeCompiler}.
 * A toolchain that is not installed skips the test here and fails it in CI ({@code CI} set).
 */
final class CrossProject {

    final Path directory;
    final BuildLayout layout;
    SetupState setup;
    final List<String> lines = new ArrayList<>();
    final BuildListener listener = new BuildListener() {
        @Override
        public synchronized void info(String line) {
            lines.add(line);
        }

        @Override
        public synchronized void warn(String line) {
            lines.add("WARN " + line);
        }
    };

    CrossProject(Path directory, Machine host, String triple) {
        this(directory, host, triple, "/usr/bin/" + triple + "-");
    }

    CrossProject(Path directory, Machine host, String triple, String prefix) {
        require(prefix + "gcc");
        this.directory = directory;
        this.layout = new BuildLayout(directory.resolve("target/cross/test-classifier"));
        Toolchain toolchain = TestSetups.gnu(host, triple, prefix, true);
        this.setup = TestSetups.setup(layout.root(), host, toolchain, Map.of("c_args", List.of("-g", "-O1")));
    }

    /** The setup with {@code [binaries] key = argv} added. */
    CrossProject binary(String key, List<String> argv) {
        Map<String, List<String>> binaries = new java.util.LinkedHashMap<>(setup.binaries());
        binaries.put(key, argv);
        setup = new SetupState(setup.file(), setup.classifier(), setup.build(), setup.host(), setup.toolchain(),
                setup.builtInOptions(), setup.properties(), binaries, setup.canRunHostBinaries(), setup.needsExeWrapper());
        return this;
    }

    /** Writes {@code src/<folder>/<name>}. */
    CrossProject source(String folder, String name, String text) throws IOException {
        Path file = directory.resolve("src").resolve(folder).resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return this;
    }

    NativeTarget target(String name, TargetKind kind, String... libraries) {
        return NativeTarget.builder(name, kind).sourceDirectories(List.of(directory.resolve("src").resolve(name)))
                .libraries(List.of(libraries)).build();
    }

    void compile(List<NativeTarget> targets) throws Exception {
        new NativeCompiler(dev.crossbuild.exec.ProcessRunner.system(), BuildListener.silent())
                .compile(new CompileRequest(layout, setup, targets, List.of(), Optional.empty(), 2, directory));
    }

    LinkResult link(List<NativeTarget> targets, boolean strip) throws Exception {
        lines.clear();
        return new NativeLinker(dev.crossbuild.exec.ProcessRunner.system(), listener)
                .link(new LinkRequest(layout, setup, targets, strip));
    }

    /** Links with the portability gate of native-link. */
    LinkResult link(List<NativeTarget> targets, boolean strip, PortabilityPolicy portability) throws Exception {
        lines.clear();
        return new NativeLinker(dev.crossbuild.exec.ProcessRunner.system(), listener)
                .link(new LinkRequest(layout, setup, targets, strip, portability));
    }

    Path file(String relative) {
        return layout.root().resolve(relative);
    }

    /** The absolute path of a program on PATH; skips (or fails in CI) when it is not installed. */
    static Path require(String program) {
        Path given = Path.of(program);
        if (given.isAbsolute()) {
            if (Files.isExecutable(given)) {
                return given;
            }
        } else {
            for (String directory : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                Path candidate = directory.isEmpty() ? null : Path.of(directory, program);
                if (candidate != null && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        if (System.getenv("CI") != null) {
            fail(program + " is not installed; CI must install it (scripts/install-toolchains.sh)");
        }
        assumeTrue(false, program + " is not installed here");
        throw new AssertionError("unreachable");
    }

    /** {@link #run} of a program found with {@link #require}, without extra environment: its standard output. */
    static String tool(String program, String... args) throws IOException, InterruptedException {
        String[] argv = new String[args.length + 1];
        argv[0] = require(program).toString();
        System.arraycopy(args, 0, argv, 1, args.length);
        return run(Map.of(), argv);
    }

    /**
     * Runs a program (not through a shell) with LD_LIBRARY_PATH removed and asserts exit 0; returns its standard
     * output only: its error output (Wine's first-run notes) shows only in the message of a failure.
     */
    static String run(Map<String, String> environment, String... argv) throws IOException, InterruptedException {
        Path errors = Files.createTempFile("cross-run", ".err");
        try {
            ProcessBuilder builder = new ProcessBuilder(argv).redirectError(errors.toFile());
            builder.environment().remove("LD_LIBRARY_PATH");
            builder.environment().putAll(environment);
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            String stderr = Files.readString(errors);
            assertTrue(exit == 0, () -> String.join(" ", argv) + " exited with " + exit + ":\n" + output + stderr);
            return output;
        } finally {
            Files.deleteIfExists(errors);
        }
    }
}
