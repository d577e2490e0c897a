package dev.crossbuild.nativebuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbuild.exec.ProcessRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** native-link's work for one host, with the Debian aarch64 cross toolchain: link, then the files to attach. */
class LinkAndPackageTest {

    @TempDir
    Path directory;

    private CrossProject project;
    private NativeTarget demo;
    private NativeTarget tool;

    @BeforeEach
    void project() throws Exception {
        project = new CrossProject(directory, TestSetups.LINUX_ARM64, "aarch64-linux-gnu")
                .source("demo", "demo.c", "int demo_add(int a, int b) { return a + b; }\n")
                .source("tool", "main.c", "int demo_add(int, int);\nint main(void) { return demo_add(1, -1); }\n");
        demo = project.target("demo", TargetKind.SHARED_LIBRARY);
        tool = project.target("tool", TargetKind.EXECUTABLE, "demo");
        project.compile(List.of(demo, tool));
    }

    private LinkAndPackage.Result run(Optional<LinkAndPackage.Attach> attach) throws Exception {
        return LinkAndPackage.run(new NativeLinker(ProcessRunner.system(), project.listener),
                new LinkRequest(project.layout, project.setup, List.of(demo, tool), true), "linux-aarch_64", attach);
    }

    @Test
    void writesTheClassifierJarTheDebugJarAndTheDevelopmentArtifact() throws Exception {
        Path out = directory.resolve("target");
        LinkAndPackage.Result result = run(Optional.of(new LinkAndPackage.Attach(out, "demo-1.0", "com.example:demo:1.0",
                "1.0", Optional.empty(), true)));

        assertEquals(List.of(project.file("lib/libdemo.so"), project.file("bin/tool")),
                result.outputs().stream().map(LinkedOutput::file).toList());
        assertEquals(List.of(
                new LinkAndPackage.Artifact("linux-aarch_64", out.resolve("demo-1.0-linux-aarch_64.jar"), "jar"),
                new LinkAndPackage.Artifact("linux-aarch_64-debug", out.resolve("demo-1.0-linux-aarch_64-debug.jar"),
                        "jar"),
                new LinkAndPackage.Artifact("linux-aarch_64-dev", out.resolve("demo-1.0-linux-aarch_64-dev.zip"),
                        "zip")), result.artifacts());
        try (JarFile jar = new JarFile(out.resolve("demo-1.0-linux-aarch_64.jar").toFile())) {
            assertTrue(jar.getEntry("META-INF/native/linux-aarch_64/libdemo.so") != null);
            assertTrue(jar.getEntry("META-INF/native/linux-aarch_64/tool") != null);
        }
        try (ZipFile dev = new ZipFile(out.resolve("demo-1.0-linux-aarch_64-dev.zip").toFile())) {
            assertTrue(dev.stream().anyMatch(e -> e.getName().endsWith("libdemo.so")), "the library, for consumers");
            assertTrue(dev.stream().noneMatch(e -> e.getName().endsWith("/tool")), "no executable");
        }
    }

    @Test
    void withoutAttachingItOnlyLinks() throws Exception {
        LinkAndPackage.Result result = run(Optional.empty());

        assertEquals(2, result.outputs().size());
        assertEquals(List.of(), result.artifacts());
        assertTrue(Files.isRegularFile(project.file("bin/tool")));
        try (var files = Files.walk(directory)) {
            assertEquals(List.of(), files.filter(f -> f.toString().endsWith(".jar") || f.toString().endsWith(".zip"))
                    .toList());
        }
    }
}
