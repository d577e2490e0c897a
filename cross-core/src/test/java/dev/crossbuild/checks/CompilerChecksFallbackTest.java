package dev.crossbuild.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.crossbuild.exec.ProcessResult;
import dev.crossbuild.exec.ProcessRunner;
import dev.crossbuild.testing.RealCompilers;
import dev.crossbuild.toolchain.Compiler;
import dev.crossbuild.toolchain.CompilerId;
import dev.crossbuild.toolchain.Language;
import dev.crossbuild.toolchain.Tool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The slow paths of {@link CheckSession}, driven with a real compiler behind a runner that plays an older compiler
 * (by editing the generated source before it compiles) or injects a failure that names no line.
 */
class CompilerChecksFallbackTest {

    @TempDir
    Path work;

    private final List<List<String>> commands = new ArrayList<>();

    /** Runs commands for real after {@code edit} rewrote the generated source; fails the ones {@code fail} picks once. */
    private ProcessRunner runner(Map<String, String> edits, Predicate<List<String>> fail) {
        List<Boolean> failedOnce = new ArrayList<>();
        return command -> {
            commands.add(command.argv());
            for (String argument : command.argv()) {
                if (argument.endsWith(".c") && Files.exists(Path.of(argument))) {
                    String source = Files.readString(Path.of(argument));
                    for (Map.Entry<String, String> edit : edits.entrySet()) {
                        source = source.replace(edit.getKey(), edit.getValue());
                    }
                    Files.writeString(Path.of(argument), source);
                }
            }
            if (failedOnce.isEmpty() && fail.test(command.argv())) {
                failedOnce.add(true);
                return new ProcessResult(command.argv(), 1, "", "cc1: internal compiler error: out of memory\n",
                        Duration.ZERO, false);
            }
            return ProcessRunner.system().run(command);
        };
    }

    private static boolean isLink(List<String> argv) {
        return argv.stream().anyMatch(a -> a.endsWith("-link.c"));
    }

    @Test
    void aCompilerWithoutHasIncludeAndHasBuiltinGetsMesonsOneRunPerHeaderAndBuiltin() throws CheckException {
        ProcessRunner oldCompiler = runner(Map.of(
                "#if defined(__has_include)", "#if 0",
                "#if defined(__has_builtin)", "#if 0",
                "#ifdef __has_builtin", "#if 0"), argv -> false);
        CheckRequest request = new CheckRequest(List.of("long"), List.of(), List.of("stdint.h", "nosuch.h"),
                List.of("alloca", "no_such_function_xyz", "puts"), List.of());

        CheckResults results = new CompilerChecks(oldCompiler).run(
                RealCompilers.gcc("aarch64-linux-gnu-gcc", "aarch64-linux-gnu"), List.of(), request, Map.of(), work);

        assertEquals(Map.of("long", 8), results.sizeof());
        assertEquals(List.of(true, false), List.copyOf(results.headers().values()));
        assertEquals(List.of(true, false, true), List.copyOf(results.functions().values()));
        // probe compile; -E for each header; probe compile with them; link all; link puts; a built-in link each
        // for alloca and no_such_function_xyz
        assertEquals(8, results.compilerRuns());
        assertEquals(8, commands.size());
        assertEquals(2, commands.stream().filter(argv -> argv.contains("-E")).count());
    }

    @Test
    void aCompileFailureThatNamesNoLineFallsBackToOneRunPerIncludeAndProbe() throws CheckException {
        ProcessRunner flaky = runner(Map.of(), argv -> argv.contains("-c"));
        CheckRequest request = new CheckRequest(List.of("long", "struct nosuch"), List.of(), List.of("stdint.h"),
                List.of(), List.of("__arm__"));

        CheckResults results = new CompilerChecks(flaky).run(
                RealCompilers.gcc("arm-linux-gnueabihf-gcc", "arm-linux-gnueabihf"), List.of(), request, Map.of(), work);

        assertEquals(List.of(4, -1), List.copyOf(results.sizeof().values()));
        assertEquals(Map.of("stdint.h", true), results.headers());
        assertEquals(Map.of("__arm__", Optional.of("1")), results.defines());
        // the failed batch; the empty program; stddef.h, stdint.h, sys/types.h one by one; the three probes
        assertEquals(8, results.compilerRuns());
    }

    @Test
    void aLinkFailureThatNamesNoFunctionFallsBackToOneLinkPerFunction() throws CheckException {
        ProcessRunner flaky = runner(Map.of(), CompilerChecksFallbackTest::isLink);
        CheckRequest request = new CheckRequest(List.of(), List.of(), List.of(), List.of("puts", "no_such_function_xyz"),
                List.of());

        CheckResults results = new CompilerChecks(flaky).run(
                RealCompilers.gcc("aarch64-linux-gnu-gcc", "aarch64-linux-gnu"), List.of(), request, Map.of(), work);

        assertEquals(List.of(true, false), List.copyOf(results.functions().values()));
        // probe compile; the failed batch link; the empty program; one link per function
        assertEquals(5, results.compilerRuns());
    }

    @Test
    void aCompilerThatCannotBeRunIsACheckException() throws IOException {
        Compiler missing = new Compiler(Language.C, new Tool("aarch64-linux-gnu-gcc",
                List.of(work.resolve("no-such-gcc").toString()), "test"),
                new CompilerId("gcc", "12.2.0", "aarch64-linux-gnu", Optional.empty()));

        CheckException e = assertThrows(CheckException.class, () -> new CompilerChecks(ProcessRunner.system()).run(
                missing, List.of(), new CheckRequest(List.of("long"), List.of(), List.of(), List.of(), List.of()),
                Map.of(), work));

        assertEquals("Cannot run the C compiler aarch64-linux-gnu-gcc (gcc 12.2.0, target aarch64-linux-gnu) for the"
                + " compiler checks: Cannot run " + work.resolve("no-such-gcc") + ": the file does not exist.",
                e.getMessage());
        assertEquals(work.resolve("no-such-gcc").toString(), e.command().get(0));
    }

    @Test
    void anEmptyRequestRunsNothing() throws CheckException {
        CheckResults results = new CompilerChecks(command -> {
            throw new AssertionError("ran " + command);
        }).run(RealCompilers.gcc("aarch64-linux-gnu-gcc", "aarch64-linux-gnu"), List.of(), CheckRequest.empty(),
                Map.of(), work);

        assertEquals(0, results.compilerRuns());
        assertEquals(Map.of(), results.projectProperties());
    }
}
