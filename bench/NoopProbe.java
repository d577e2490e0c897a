import dev.crossbuild.exec.ProcessRunner;
import dev.crossbuild.nativebuild.BuildLayout;
import dev.crossbuild.nativebuild.BuildListener;
import dev.crossbuild.nativebuild.CompileRequest;
import dev.crossbuild.nativebuild.CompileResult;
import dev.crossbuild.nativebuild.LinkRequest;
import dev.crossbuild.nativebuild.LinkResult;
import dev.crossbuild.nativebuild.NativeCompiler;
import dev.crossbuild.nativebuild.NativeLinker;
import dev.crossbuild.nativebuild.NativeTarget;
import dev.crossbuild.nativebuild.SetupState;
import dev.crossbuild.nativebuild.TargetKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The no-op compile and link of bench/run.sh's project, called straight on cross-core, several times in one JVM: the
 * first call pays for class loading and interpretation (what a Maven build pays every time), the later ones show what
 * the up-to-date checks cost by themselves. Same targets as the generated pom.xml (keep them in step).
 *
 * <pre>java -cp cross-core-*.jar bench/NoopProbe.java bench/target/project [iterations]</pre>
 */
public class NoopProbe {
    public static void main(String[] args) throws Exception {
        Path project = Path.of(args[0]).toAbsolutePath().normalize();
        int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        Path sources = project.resolve("src/main/c");
        List<String> flags = List.of("-std=gnu99", "-O2", "-Wall", "-Wextra");
        List<String> defines = List.of("LUA_COMPAT_5_3", "LUA_USE_LINUX", "_FILE_OFFSET_BITS=64");
        NativeTarget library = NativeTarget.builder("lua5.4", TargetKind.STATIC_LIBRARY)
                .sourceDirectories(List.of(sources)).excludes(List.of("lua.c", "luac.c")).defines(defines)
                .compilerArgs(flags).build();
        NativeTarget executable = NativeTarget.builder("lua", TargetKind.EXECUTABLE)
                .sourceDirectories(List.of(sources)).includes(List.of("lua.c")).defines(defines).compilerArgs(flags)
                .linkerArgs(List.of("-Wl,-E", "-lm", "-ldl")).libraries(List.of("lua5.4")).build();
        List<NativeTarget> targets = List.of(library, executable);
        BuildLayout layout = new BuildLayout(project.resolve("target/cross/linux-aarch_64"));
        BuildListener quiet = new BuildListener() {
            @Override
            public void info(String line) {
            }

            @Override
            public void warn(String line) {
                System.err.println("warning: " + line);
            }
        };
        for (int i = 1; i <= iterations; i++) {
            long t0 = System.nanoTime();
            SetupState setup = SetupState.read(layout.setupJson());
            long t1 = System.nanoTime();
            CompileResult compiled = new NativeCompiler(ProcessRunner.system(), quiet).compile(new CompileRequest(layout,
                    setup, targets, List.of(layout.include()), Optional.empty(), 2, project));
            long t2 = System.nanoTime();
            LinkResult linked = new NativeLinker(ProcessRunner.system(), quiet).link(
                    new LinkRequest(layout, setup, targets, false));
            long t3 = System.nanoTime();
            System.out.printf("run %2d: setup.json %5.1f ms, compile %6.1f ms (%d compiled), link %6.1f ms (%d linked)%n",
                    i, (t1 - t0) / 1e6, (t2 - t1) / 1e6, compiled.compiled(), (t3 - t2) / 1e6, linked.linked());
        }
    }
}
