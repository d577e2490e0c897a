package dev.crossbuild.toolchain;

import dev.crossbuild.exec.Command;
import dev.crossbuild.exec.ProcessResult;
import dev.crossbuild.exec.ProcessRunner;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Asks a compiler what it is, in one or two runs. {@code <cc> -v} prints, for gcc and clang alike, the target
 * ({@code Target: aarch64-linux-gnu}) and the version line ({@code gcc version 12.2.0 (Debian 12.2.0-14)},
 * {@code Debian clang version 14.0.6}), which gives the id, the full version (what {@code -dumpfullversion} prints)
 * and the triple (what {@code -dumpmachine} prints; for clang with {@code --target} and {@code -m32} applied) at once.
 * gcc then answers {@code -print-sysroot}; clang has no such option, its sysroot is the {@code --sysroot} it is given.
 */
final class CompilerProbe {

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static final Pattern CLANG_VERSION = Pattern.compile("(?m)^(?:.*\\s)?clang version (\\d+(?:\\.\\d+)*)");
    private static final Pattern GCC_VERSION = Pattern.compile("(?m)^gcc version (\\S+)");
    private static final Pattern TARGET = Pattern.compile("(?m)^Target: (\\S+)");
    private static final Pattern X86_32 = Pattern.compile("i[3-6]86");

    /** The compiler's identity, or why it could not be identified. */
    record Result(Optional<CompilerId> id, String failure, boolean ran) {
        static Result failed(String failure, boolean ran) {
            return new Result(Optional.empty(), failure, ran);
        }
    }

    private final ProcessRunner runner;
    private int runs;

    CompilerProbe(ProcessRunner runner) {
        this.runner = runner;
    }

    /** Compiler processes started so far. */
    int runs() {
        return runs;
    }

    /** @param argv the compiler with its arguments, {@code argv[0]} absolute, no launcher */
    Result probe(List<String> argv) {
        ProcessResult verbose;
        try {
            verbose = run(argv, "-v");
        } catch (IOException e) {
            return Result.failed("it could not be started: " + e.getMessage(), false);
        }
        String output = verbose.stderr() + "\n" + verbose.stdout();
        Matcher clang = CLANG_VERSION.matcher(output);
        Matcher gcc = GCC_VERSION.matcher(output);
        Matcher target = TARGET.matcher(output);
        String command = String.join(" ", argv) + " -v";
        if (verbose.timedOut()) {
            return Result.failed("'" + command + "' did not finish within " + TIMEOUT.toSeconds() + " s", true);
        }
        boolean isClang = clang.find();
        boolean isGcc = !isClang && gcc.find();
        if (!target.find() || !(isClang || isGcc)) {
            return Result.failed("'" + command + "' (exit code " + verbose.exitCode() + ") printed no 'Target:' and "
                    + "'gcc version' or 'clang version' line, so it is not a GCC- or Clang-compatible compiler"
                    + firstLine(output), true);
        }
        CompilerId id = isClang
                ? new CompilerId(CompilerId.CLANG, clang.group(1), target.group(1), sysrootArgument(argv))
                : new CompilerId(CompilerId.GCC, gcc.group(1), withMultilib(target.group(1), argv), gccSysroot(argv));
        return new Result(Optional.of(id), "", true);
    }

    private ProcessResult run(List<String> argv, String option) throws IOException {
        List<String> command = new ArrayList<>(argv);
        command.add(option);
        runs++;
        return runner.run(Command.of(command).withTimeout(TIMEOUT));
    }

    /** gcc prints its sysroot, or nothing when it has none. */
    private Optional<Path> gccSysroot(List<String> argv) {
        try {
            ProcessResult result = run(argv, "-print-sysroot");
            return result.succeeded() ? path(result.stdout().strip()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> sysrootArgument(List<String> argv) {
        for (int i = 0; i < argv.size(); i++) {
            String arg = argv.get(i);
            if (arg.startsWith("--sysroot=")) {
                return path(arg.substring("--sysroot=".length()));
            }
            if (arg.equals("--sysroot") && i + 1 < argv.size()) {
                return path(argv.get(i + 1));
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> path(String text) {
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(text));
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    /**
     * gcc reports its configured target even when {@code -m32}/{@code -m64} selects the other x86 multilib; the
     * triple of the code it will produce is then the other one (clang's {@code Target:} already says so).
     */
    static String withMultilib(String triple, List<String> argv) {
        int dash = triple.indexOf('-');
        if (dash < 0) {
            return triple;
        }
        String cpu = triple.substring(0, dash);
        String rest = triple.substring(dash);
        boolean m32 = argv.contains("-m32");
        boolean m64 = argv.contains("-m64");
        if (m32 && cpu.equals("x86_64")) {
            return "i686" + rest;
        }
        if (m64 && X86_32.matcher(cpu).matches()) {
            return "x86_64" + rest;
        }
        return triple;
    }

    private static String firstLine(String output) {
        String trimmed = output.strip();
        if (trimmed.isEmpty()) {
            return "";
        }
        int newline = trimmed.indexOf('\n');
        return "; it printed: " + (newline < 0 ? trimmed : trimmed.substring(0, newline));
    }
}
