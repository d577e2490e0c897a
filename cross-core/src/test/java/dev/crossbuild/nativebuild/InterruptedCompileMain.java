package dev.crossbuild.nativebuild;

import dev.crossbuild.exec.ProcessRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The second JVM of {@link CompileResumeTest}: compiles {@code <project>/src/main/c} with one job through the
 * launcher {@code <launcher>}, which kills this JVM part-way.
 */
public final class InterruptedCompileMain {

    private InterruptedCompileMain() {
    }

    public static void main(String[] args) throws Exception {
        Path project = Path.of(args[0]);
        NativeTarget target = NativeTarget.of("demo", TargetKind.STATIC_LIBRARY, List.of(project.resolve("src/main/c")));
        new NativeCompiler(ProcessRunner.system(), BuildListener.silent()).compile(new CompileRequest(
                CompileResumeTest.layout(project), RealToolchains.aarch64(Map.of(), Map.of(), args[1]),
                List.of(target), List.of(), Optional.empty(), 1, project));
    }
}
