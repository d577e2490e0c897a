package dev.crossbuild.nativebuild;

import static dev.crossbuild.nativebuild.LinkOrderTest.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeBundleTest {

    @TempDir
    Path directory;

    private Path classes() {
        return directory.resolve("classes");
    }

    private LinkedOutput output(String classifier, String name, TargetKind kind, String file) throws Exception {
        Path path = directory.resolve("cross").resolve(classifier).resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, classifier + "/" + file, StandardCharsets.UTF_8);
        return new LinkedOutput(target(name, kind), path, Optional.empty(), Map.of());
    }

    private List<String> files() throws Exception {
        try (Stream<Path> walk = Files.walk(classes())) {
            return walk.filter(Files::isRegularFile).map(p -> classes().relativize(p).toString()).sorted().toList();
        }
    }

    @Test
    void everyClassifierGetsItsFolderAndIndexAndALaterBuildRemovesOnlyWhatTheBundleWrote() throws Exception {
        Files.createDirectories(classes().resolve("META-INF/native"));
        Files.writeString(classes().resolve("META-INF/native/README.txt"), "the module's own resource");
        Map<String, List<LinkedOutput>> outputs = new LinkedHashMap<>();
        outputs.put("linux-aarch_64", List.of(output("linux-aarch_64", "demo", TargetKind.SHARED_LIBRARY, "lib/libdemo.so"),
                output("linux-aarch_64", "cli", TargetKind.EXECUTABLE, "bin/cli")));
        outputs.put("windows-x86_64", List.of(output("windows-x86_64", "demo", TargetKind.SHARED_LIBRARY, "bin/demo.dll")));

        NativeBundle.write(classes(), outputs);

        assertEquals(List.of("META-INF/native/README.txt", "META-INF/native/classifiers.txt",
                "META-INF/native/linux-aarch_64/cli", "META-INF/native/linux-aarch_64/index.tsv",
                "META-INF/native/linux-aarch_64/libdemo.so", "META-INF/native/windows-x86_64/demo.dll",
                "META-INF/native/windows-x86_64/index.tsv"), files());
        assertEquals("linux-aarch_64\nwindows-x86_64\n",
                Files.readString(classes().resolve("META-INF/native/classifiers.txt")));
        assertEquals("linux-aarch_64/lib/libdemo.so",
                Files.readString(classes().resolve("META-INF/native/linux-aarch_64/libdemo.so")));

        // The next build has no windows target and no cli: both leave the bundle.
        NativeBundle.write(classes(), Map.of("linux-aarch_64",
                List.of(output("linux-aarch_64", "demo", TargetKind.SHARED_LIBRARY, "lib/libdemo.so"))));
        assertEquals(List.of("META-INF/native/README.txt", "META-INF/native/classifiers.txt",
                "META-INF/native/linux-aarch_64/index.tsv", "META-INF/native/linux-aarch_64/libdemo.so"), files());

        // Bundling turned off: the bundle goes, the module's own resource stays.
        NativeBundle.remove(classes());
        assertEquals(List.of("META-INF/native/README.txt"), files());
        assertFalse(Files.exists(classes().resolve("META-INF/native/linux-aarch_64")));
    }

    @Test
    void aDamagedListNeverLeadsOutOfTheFolder() throws Exception {
        Path outside = Files.createDirectories(directory.resolve("precious"));
        Files.writeString(outside.resolve("keep.txt"), "keep");
        Files.createDirectories(classes().resolve("META-INF/native"));
        Files.writeString(classes().resolve("META-INF/native/classifiers.txt"), "../../precious\n/tmp\n");

        NativeBundle.remove(classes());

        assertTrue(Files.isRegularFile(outside.resolve("keep.txt")));
    }
}
