package dev.crossbuild.nativebuild;

import static dev.crossbuild.nativebuild.LinkOrderTest.target;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index native-link writes, read back with cross-runtime's own parser: the two sides of one format. */
class NativeIndexTest {

    @TempDir
    Path directory;

    private LinkedOutput output(NativeTarget target, String file, String sha256) throws Exception {
        Path path = directory.resolve(file);
        Files.writeString(path, file, StandardCharsets.UTF_8);
        return new LinkedOutput(target, path, Optional.empty(), sha256 == null ? Map.of() : Map.of("sha256", sha256));
    }

    @Test
    void librariesComeAfterTheLibrariesTheyNeedAndTheLoaderReadsThemInThatOrder() throws Exception {
        String a = "a".repeat(64);
        String b = "b".repeat(64);
        String c = "c".repeat(64);
        NativeTarget demo = target("demo", TargetKind.SHARED_LIBRARY).toBuilder()
                .libraries(List.of("zlib-wrapper", "static-helper")).build();
        List<LinkedOutput> outputs = List.of(
                output(demo, "libdemo.so", a),
                output(target("cli", TargetKind.EXECUTABLE).toBuilder().libraries(List.of("demo")).build(), "cli", b),
                output(target("zlib-wrapper", TargetKind.SHARED_LIBRARY), "libzlib-wrapper.so", c),
                output(target("static-helper", TargetKind.STATIC_LIBRARY), "libstatic-helper.a", null));

        String text = NativeIndex.of(outputs);

        String helper = dev.crossbuild.io.Hashes.sha256(directory.resolve("libstatic-helper.a"));
        assertEquals("# cross native index 1: kind\tname\tfile\tsha256\tneeds\n"
                + "library\tzlib-wrapper\tlibzlib-wrapper.so\t" + c + "\t\n"
                + "library\tdemo\tlibdemo.so\t" + a + "\tzlib-wrapper\n"
                + "file\tcli\tcli\t" + b + "\t\n"
                + "file\tstatic-helper\tlibstatic-helper.a\t" + helper + "\t\n", text);
        dev.crossbuild.runtime.NativeIndex read = dev.crossbuild.runtime.NativeIndex.parse(new StringReader(text));
        assertEquals(List.of("zlib-wrapper", "demo"), read.loadOrder("demo").stream()
                .map(dev.crossbuild.runtime.NativeIndex.Entry::name).toList());
        assertEquals(List.of("zlib-wrapper", "demo"), read.libraryNames());
    }

    @Test
    void theClassifierListIsSortedOnePerLine() {
        assertEquals("linux-aarch_64\nwindows-x86_64\n", NativeIndex.classifiers(Set.of("windows-x86_64", "linux-aarch_64")));
    }
}
