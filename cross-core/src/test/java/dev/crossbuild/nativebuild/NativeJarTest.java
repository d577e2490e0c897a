package dev.crossbuild.nativebuild;

import static dev.crossbuild.nativebuild.LinkOrderTest.target;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NativeJarTest {

    @TempDir
    Path directory;

    private LinkedOutput output(String name, TargetKind kind, String file, String debugFile) throws IOException {
        Path path = directory.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, "content of " + file, StandardCharsets.UTF_8);
        Optional<Path> debug = Optional.empty();
        if (debugFile != null) {
            debug = Optional.of(directory.resolve(debugFile));
            Files.createDirectories(debug.get().getParent());
            Files.writeString(debug.get(), "debug of " + file, StandardCharsets.UTF_8);
        }
        return new LinkedOutput(target(name, kind), path, debug, Map.of());
    }

    private List<LinkedOutput> outputs() throws IOException {
        return List.of(
                output("zeta", TargetKind.SHARED_LIBRARY, "lib/libzeta.so", "debug/libzeta.so.debug"),
                output("util", TargetKind.STATIC_LIBRARY, "lib/libutil.a", null),
                output("tool", TargetKind.EXECUTABLE, "bin/tool", "debug/tool.debug"));
    }

    private static String text(JarFile file, String entry) throws IOException {
        return new String(file.getInputStream(file.getJarEntry(entry)).readAllBytes(), StandardCharsets.UTF_8);
    }

    private static String sha256(String content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(content.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> entries(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return Collections.list(file.entries()).stream().map(JarEntry::getName).toList();
        }
    }

    @Test
    void writeAllWritesBothJarsAtOnceByteForByteAsEachAlone() throws Exception {
        Path folder = directory.resolve("out");
        List<LinkedOutput> outputs = outputs();

        List<NativeJar.Written> written = NativeJar.writeAll(folder, "demo-linux-aarch_64", "linux-aarch_64", outputs);

        assertEquals(List.of(new NativeJar.Written("linux-aarch_64", folder.resolve("demo-linux-aarch_64.jar")),
                new NativeJar.Written("linux-aarch_64-debug", folder.resolve("demo-linux-aarch_64-debug.jar"))),
                written);
        Path alone = directory.resolve("alone.jar");
        Path debugAlone = directory.resolve("alone-debug.jar");
        NativeJar.write(alone, "linux-aarch_64", outputs, false);
        NativeJar.write(debugAlone, "linux-aarch_64", outputs, true);
        assertArrayEquals(Files.readAllBytes(alone), Files.readAllBytes(written.get(0).file()));
        assertArrayEquals(Files.readAllBytes(debugAlone), Files.readAllBytes(written.get(1).file()));
    }

    @Test
    void writeAllWritesNoDebugJarWithoutDebugFilesAndNothingWithoutOutputs() throws Exception {
        Path folder = directory.resolve("out");
        List<LinkedOutput> stripped = List.of(output("util", TargetKind.STATIC_LIBRARY, "lib/libutil.a", null));

        assertEquals(List.of(new NativeJar.Written("linux-aarch_64", folder.resolve("d.jar"))),
                NativeJar.writeAll(folder, "d", "linux-aarch_64", stripped));
        assertFalse(Files.exists(folder.resolve("d-debug.jar")));
        assertEquals(List.of(), NativeJar.writeAll(folder, "e", "linux-aarch_64", List.of()));
        assertFalse(Files.exists(folder.resolve("e.jar")));
    }

    @Test
    void writeAllFailsWithTheDebugJarsProblemAfterWritingTheOther() throws Exception {
        Path folder = Files.createDirectories(directory.resolve("out"));
        Files.createDirectories(folder.resolve("d-debug.jar").resolve("in-the-way"));

        IOException e = assertThrows(IOException.class,
                () -> NativeJar.writeAll(folder, "d", "linux-aarch_64", outputs()));

        assertTrue(e.getMessage().contains("d-debug.jar"), e.getMessage());
        assertTrue(Files.isRegularFile(folder.resolve("d.jar")));
    }

    @Test
    void holdsTheOutputsSortedUnderTheClassifierFolderAfterTheManifest() throws Exception {
        Path jar = directory.resolve("out/demo-linux-aarch_64.jar");

        NativeJar.write(jar, "linux-aarch_64", outputs(), false);

        assertEquals(List.of("META-INF/", "META-INF/MANIFEST.MF", "META-INF/native/", "META-INF/native/linux-aarch_64/",
                "META-INF/native/classifiers.txt", "META-INF/native/linux-aarch_64/index.tsv",
                "META-INF/native/linux-aarch_64/libutil.a", "META-INF/native/linux-aarch_64/libzeta.so",
                "META-INF/native/linux-aarch_64/tool"), entries(jar));
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            assertEquals("linux-aarch_64", manifest.getMainAttributes().getValue("Cross-Classifier"));
            assertEquals("cross", manifest.getMainAttributes().getValue("Created-By"));
            assertEquals("linux-aarch_64\n", text(file, "META-INF/native/classifiers.txt"));
            assertEquals("# cross native index 1: kind\tname\tfile\tsha256\tneeds\n"
                    + "library\tzeta\tlibzeta.so\t" + sha256("content of lib/libzeta.so") + "\t\n"
                    + "file\ttool\ttool\t" + sha256("content of bin/tool") + "\t\n"
                    + "file\tutil\tlibutil.a\t" + sha256("content of lib/libutil.a") + "\t\n",
                    text(file, "META-INF/native/linux-aarch_64/index.tsv"));
            JarEntry tool = file.getJarEntry("META-INF/native/linux-aarch_64/tool");
            assertEquals("content of bin/tool", new String(file.getInputStream(tool).readAllBytes(), StandardCharsets.UTF_8));
            for (JarEntry entry : Collections.list(file.entries())) {
                assertEquals(LocalDateTime.of(1980, 2, 1, 0, 0), entry.getTimeLocal(), entry.getName());
            }
        }
        assertEquals(List.of(jar), listFiles(jar.getParent()), "no temporary file left");
    }

    @Test
    void theDebugJarHoldsTheDebugFiles() throws IOException {
        Path jar = directory.resolve("demo-linux-aarch_64-debug.jar");

        NativeJar.write(jar, "linux-aarch_64", outputs(), true);

        assertEquals(List.of("META-INF/", "META-INF/MANIFEST.MF", "META-INF/native/", "META-INF/native/linux-aarch_64/",
                "META-INF/native/linux-aarch_64/libzeta.so.debug", "META-INF/native/linux-aarch_64/tool.debug"),
                entries(jar));
    }

    @Test
    void theSameOutputsGiveTheSameBytesWhateverTheFileTimes() throws IOException {
        List<LinkedOutput> outputs = outputs();
        Path first = directory.resolve("first.jar");
        Path second = directory.resolve("second.jar");
        NativeJar.write(first, "linux-aarch_64", outputs, false);
        for (LinkedOutput output : outputs) {
            Files.setLastModifiedTime(output.file(), FileTime.fromMillis(1_000_000_000_000L));
        }
        NativeJar.write(second, "linux-aarch_64", List.of(outputs.get(2), outputs.get(0), outputs.get(1)), false);

        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
    }

    @Test
    void twoOutputsWithOneFileNameAreRefused() throws IOException {
        List<LinkedOutput> outputs = new ArrayList<>(outputs());
        outputs.add(output("tool2", TargetKind.EXECUTABLE, "other/tool", null));

        IOException e = assertThrows(IOException.class,
                () -> NativeJar.write(directory.resolve("x.jar"), "c", outputs, false));

        assertEquals("two outputs would both be META-INF/native/c/tool in x.jar: " + directory.resolve("bin/tool")
                + " and " + directory.resolve("other/tool"), e.getMessage());
    }

    @Test
    void theSameContentLeavesTheJarAlone() throws IOException {
        Path jar = directory.resolve("out/demo-linux-aarch_64.jar");
        List<LinkedOutput> outputs = outputs();
        assertTrue(NativeJar.write(jar, "linux-aarch_64", outputs, false));
        FileTime written = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(jar, written);
        for (LinkedOutput output : outputs) { // the outputs' times are not part of the content
            Files.setLastModifiedTime(output.file(), FileTime.fromMillis(1_500_000_000_000L));
        }

        assertFalse(NativeJar.write(jar, "linux-aarch_64", outputs, false));

        assertEquals(written, Files.getLastModifiedTime(jar));
        assertEquals(List.of(jar), listFiles(jar.getParent()), "no temporary file left");
    }

    @Test
    void anOutputWithOtherBytesOfTheSameSizeIsPackedAgain() throws IOException {
        Path jar = directory.resolve("demo-linux-aarch_64-debug.jar");
        List<LinkedOutput> outputs = outputs();
        NativeJar.write(jar, "linux-aarch_64", outputs, true);
        Files.writeString(directory.resolve("debug/tool.debug"), "DEBUG OF bin/tool", StandardCharsets.UTF_8);

        assertTrue(NativeJar.write(jar, "linux-aarch_64", outputs, true));

        try (JarFile file = new JarFile(jar.toFile())) {
            assertEquals("DEBUG OF bin/tool", text(file, "META-INF/native/linux-aarch_64/tool.debug"));
        }
    }

    @Test
    void aJarWithOtherEntriesOrDamagedIsWrittenAgain() throws IOException {
        Path jar = directory.resolve("demo.jar");
        List<LinkedOutput> outputs = outputs();
        Files.writeString(jar, "not a jar", StandardCharsets.UTF_8);
        assertTrue(NativeJar.write(jar, "linux-aarch_64", outputs, false));
        byte[] expected = Files.readAllBytes(jar);

        NativeJar.write(jar, "linux-arm_32", outputs, false); // other names
        assertTrue(NativeJar.write(jar, "linux-aarch_64", outputs, false));
        assertArrayEquals(expected, Files.readAllBytes(jar));

        NativeJar.write(jar, "linux-aarch_64", outputs.subList(0, 2), false); // fewer entries
        assertTrue(NativeJar.write(jar, "linux-aarch_64", outputs, false));
        assertArrayEquals(expected, Files.readAllBytes(jar));

        Files.write(jar, Arrays.copyOf(expected, expected.length - 10)); // cut short
        assertTrue(NativeJar.write(jar, "linux-aarch_64", outputs, false));
        assertArrayEquals(expected, Files.readAllBytes(jar));
    }

    private static List<Path> listFiles(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.toList();
        }
    }
}
