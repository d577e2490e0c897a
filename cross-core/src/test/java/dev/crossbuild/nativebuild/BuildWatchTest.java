package dev.crossbuild.nativebuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbuild.io.GoalStamp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the compile and native-link goals' stamps watch: the classifier's folder and the sources whole, the inputs the
 * incremental state recorded outside them (a system header), the compiled classes for JNI; and nothing for targets
 * whose inputs a stamp cannot see (pkg-config, generators).
 */
class BuildWatchTest {

    @TempDir
    Path dir;

    @Test
    void theClassifierFolderTheSourcesAndTheRecordedInputsOutsideThem() throws Exception {
        Path sources = Files.createDirectories(dir.resolve("src/main/c"));
        Files.writeString(sources.resolve("a.c"), "int a;");
        BuildLayout layout = new BuildLayout(Files.createDirectories(dir.resolve("target/cross/linux-aarch_64")));
        Path systemHeader = Files.writeString(dir.resolve("usr-include-stdio.h"), "/* stdio */");
        Path object = Files.createDirectories(layout.root().resolve("obj")).resolve("a.c.o");
        Files.writeString(object, "obj");
        IncrementalState state = IncrementalState.load(layout.root().resolve(NativeCompiler.STATE_FILE));
        state.record(object, new Fingerprint("cmd", "gcc"), List.of(sources.resolve("a.c"), systemHeader));
        state.save();
        NativeTarget library = NativeTarget.of("calc", TargetKind.SHARED_LIBRARY, List.of(sources));
        JniInputs jni = new JniInputs(dir.resolve("target/classes"), List.of(dir.resolve("dep.jar")),
                dir.resolve("jdk"), dir.resolve("target/generated-sources/cross-jni"));

        GoalStamp.Watch watch = BuildWatch.compile(Map.of(layout, arm64(layout)), List.of(library),
                Optional.of(jni), false).orElseThrow();

        assertEquals(List.of(dir.resolve("target/classes"), dir.resolve("target/generated-sources/cross-jni"), sources,
                layout.root()), watch.trees());
        assertTrue(watch.paths().contains(systemHeader), watch.paths().toString());
        assertTrue(watch.paths().contains(dir.resolve("dep.jar")), watch.paths().toString());
        assertTrue(watch.paths().stream().noneMatch(p -> p.startsWith(layout.root()) || p.startsWith(sources)),
                "inside a watched tree, stamped once: " + watch.paths());
        assertTrue(watch.excluded().contains(layout.root().resolve("tmp")), watch.excluded().toString());

        // native-link's inputs are the objects (in the classifier's folder), not what they were compiled from
        GoalStamp.Watch link = BuildWatch.link(Map.of(layout, arm64(layout)), List.of(library),
                dir.resolve("target/classes/META-INF/native"), List.of()).orElseThrow();
        assertTrue(link.paths().stream().noneMatch(systemHeader::equals), link.paths().toString());
        assertTrue(link.trees().contains(layout.root()), link.trees().toString());
    }

    @Test
    void targetsWithPkgConfigDependenciesOrGeneratorsAreNotWatched() throws Exception {
        BuildLayout layout = new BuildLayout(Files.createDirectories(dir.resolve("target/cross/linux-aarch_64")));
        NativeTarget withZlib = NativeTarget.builder("calc", TargetKind.SHARED_LIBRARY)
                .sourceDirectories(List.of(dir.resolve("src/main/c"))).dependencies(List.of("zlib")).build();

        assertEquals(Optional.empty(), BuildWatch.compile(Map.of(layout, arm64(layout)),
                List.of(withZlib), Optional.empty(), false));
        assertEquals(Optional.empty(), BuildWatch.link(Map.of(layout, arm64(layout)),
                List.of(withZlib), dir.resolve("target/classes/META-INF/native"), List.of()));
    }

    private static SetupState arm64(BuildLayout layout) {
        return TestSetups.setup(layout.root(), TestSetups.LINUX_ARM64,
                TestSetups.gnu(TestSetups.LINUX_ARM64, "aarch64-linux-gnu"), Map.of());
    }
}
