package dev.crossbuild.nativebuild;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbuild.json.JsonReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The development artifact native-link attaches per classifier, and the .pc files in it. */
class DevArtifactTest {

    @TempDir
    Path directory;

    private BuildLayout layout() {
        return new BuildLayout(directory.resolve("cross/linux-aarch_64"));
    }

    private LinkedOutput output(BuildLayout layout, NativeTarget target) throws IOException {
        Path file = OutputNames.path(layout, SetupStates.ARM64, target);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "content of " + file.getFileName());
        return new LinkedOutput(target, file, Optional.empty(), Map.of(),
                OutputNames.runtimeName(SetupStates.ARM64, target));
    }

    private Path headers() throws IOException {
        Path headers = directory.resolve("src/main/include");
        Files.createDirectories(headers.resolve("codec"));
        Files.writeString(headers.resolve("codec/codec.h"), "int codec(void);\n");
        Files.writeString(headers.resolve("codec.h"), "#include <codec/codec.h>\n");
        return headers;
    }

    private static Map<String, String> entries(Path zip) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (ZipEntry entry : Collections.list(file.entries())) {
                entries.put(entry.getName(), entry.isDirectory() ? "" : new String(
                        file.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }

    private List<LinkedOutput> codecOutputs(BuildLayout layout) throws IOException {
        NativeTarget codec = NativeTarget.builder("codec", TargetKind.BOTH_LIBRARIES).version(Optional.of("1.2.0"))
                .dependencies(List.of("zlib")).libraries(List.of("util")).build();
        NativeTarget util = NativeTarget.builder("util", TargetKind.STATIC_LIBRARY).build();
        NativeTarget tool = NativeTarget.builder("tool", TargetKind.EXECUTABLE).build();
        List<LinkedOutput> outputs = new ArrayList<>();
        outputs.add(output(layout, util));
        for (NativeTarget half : codec.outputs()) {
            outputs.add(output(layout, half));
        }
        outputs.add(output(layout, tool));
        return outputs;
    }

    @Test
    void holdsTheHeadersTheLibrariesAPcFilePerLibraryAndTheManifest() throws Exception {
        BuildLayout layout = layout();
        Path zip = directory.resolve("codec-1.0-linux-aarch_64-dev.zip");
        DevManifest manifest = DevArtifact.write(zip, new DevArtifact.Request("com.example:codec:1.0", "1.0",
                "linux-aarch_64", Optional.of(headers()), layout, SetupStates.ARM64, codecOutputs(layout)));

        Map<String, String> entries = entries(zip);
        assertEquals(List.of("include/", "include/codec/", "lib/", "lib/pkgconfig/", "cross-dev.json",
                "include/codec.h", "include/codec/codec.h", "lib/libcodec.a", "lib/libcodec.so.1.2.0",
                "lib/libutil.a", "lib/pkgconfig/codec.pc", "lib/pkgconfig/util.pc"), List.copyOf(entries.keySet()));
        assertEquals("content of libcodec.so.1.2.0", entries.get("lib/libcodec.so.1.2.0"));
        assertEquals("""
                # Written by cross (dev.crossbuild) for com.example:codec:1.0, classifier linux-aarch_64.
                # prefix is the top of the unpacked artifact, wherever it is.
                prefix=${pcfiledir}/../..
                libdir=${prefix}/lib
                includedir=${prefix}/include

                Name: codec
                Description: codec of com.example:codec:1.0 for linux-aarch_64
                Version: 1.0
                Requires: zlib
                Libs: -L${libdir} -lcodec
                Libs.private: -L${libdir} -lutil
                Cflags: -I${includedir}
                """, entries.get("lib/pkgconfig/codec.pc"));
        assertTrue(entries.get("lib/pkgconfig/util.pc").contains("\nLibs: -L${libdir} -lutil\n"),
                entries.get("lib/pkgconfig/util.pc"));
        assertFalse(entries.get("lib/pkgconfig/util.pc").contains("Requires"));

        assertEquals(manifest, DevManifest.fromJson(JsonReader.parseObject(entries.get("cross-dev.json"))));
        assertEquals("com.example:codec:1.0", manifest.coordinates());
        assertTrue(manifest.headers());
        DevLibrary shared = manifest.libraries().stream().filter(DevLibrary::shared).findFirst().orElseThrow();
        assertEquals(new DevLibrary("codec", TargetKind.SHARED_LIBRARY, "lib/libcodec.so.1.2.0", "libcodec.so.1",
                List.of(new OutputNames.Alias("libcodec.so.1", "libcodec.so.1.2.0"),
                        new OutputNames.Alias("libcodec.so", "libcodec.so.1")), Optional.empty(), "codec"), shared);
        assertEquals(3, manifest.libraries().size(), "util, and both halves of codec; not the executable");
    }

    @Test
    void aStaticLibraryNamesTheModulesLibrariesItLinksInLibsPrivate() throws Exception {
        BuildLayout layout = layout();
        NativeTarget util = NativeTarget.builder("util", TargetKind.STATIC_LIBRARY).build();
        NativeTarget codec = NativeTarget.builder("codec", TargetKind.STATIC_LIBRARY).libraries(List.of("util"))
                .build();
        Path zip = directory.resolve("dev.zip");
        DevManifest manifest = DevArtifact.write(zip, new DevArtifact.Request("g:codec:2", "2", "linux-aarch_64",
                Optional.empty(), layout, SetupStates.ARM64, List.of(output(layout, util), output(layout, codec))));

        String pc = entries(zip).get("lib/pkgconfig/codec.pc");
        assertTrue(pc.contains("\nLibs: -L${libdir} -lcodec\nLibs.private: -L${libdir} -lutil\n"), pc);
        assertFalse(pc.contains("Cflags") || pc.contains("includedir"), "no headers: " + pc);
        assertFalse(manifest.headers());
    }

    @Test
    void windowsDllsStayInBinWithTheirImportLibraryInLib() throws Exception {
        BuildLayout layout = new BuildLayout(directory.resolve("cross/windows-x86_64"));
        NativeTarget codec = NativeTarget.builder("codec", TargetKind.SHARED_LIBRARY).version(Optional.of("1.2.0"))
                .build();
        Path dll = OutputNames.path(layout, SetupStates.WINDOWS, codec);
        Files.createDirectories(dll.getParent());
        Files.writeString(dll, "dll");
        Path importLibrary = OutputNames.importLibraryPath(layout, SetupStates.WINDOWS, codec).orElseThrow();
        Files.createDirectories(importLibrary.getParent());
        Files.writeString(importLibrary, "import");
        Path zip = directory.resolve("dev.zip");
        DevManifest manifest = DevArtifact.write(zip, new DevArtifact.Request("g:codec:1", "1", "windows-x86_64",
                Optional.empty(), layout, SetupStates.WINDOWS, List.of(new LinkedOutput(codec, dll, Optional.empty(),
                        Map.of()))));

        Map<String, String> entries = entries(zip);
        assertEquals("dll", entries.get("bin/codec-1.dll"));
        assertEquals("import", entries.get("lib/libcodec.dll.a"));
        assertEquals(Optional.of("lib/libcodec.dll.a"), manifest.libraries().get(0).importLibrary());
        assertTrue(entries.get("lib/pkgconfig/codec.pc").contains("\nLibs: -L${libdir} -lcodec\n"));
    }

    @Test
    void aLibraryTheLinkerCannotFindByNameIsLinkedByItsPath() throws Exception {
        BuildLayout layout = layout();
        NativeTarget lpeg = NativeTarget.builder("lpeg", TargetKind.SHARED_LIBRARY).namePrefix(Optional.of(""))
                .build();
        Path zip = directory.resolve("dev.zip");
        DevArtifact.write(zip, new DevArtifact.Request("g:lpeg:1", "1", "linux-aarch_64", Optional.empty(), layout,
                SetupStates.ARM64, List.of(output(layout, lpeg))));

        assertTrue(entries(zip).get("lib/pkgconfig/lpeg.pc").contains("\nLibs: ${prefix}/lib/lpeg.so\n"));
    }

    @Test
    void theSameOutputsGiveTheSameBytes() throws Exception {
        BuildLayout layout = layout();
        Path headers = headers();
        List<LinkedOutput> outputs = codecOutputs(layout);
        Path first = directory.resolve("first.zip");
        Path second = directory.resolve("second.zip");
        DevArtifact.write(first, new DevArtifact.Request("g:a:1", "1", "linux-aarch_64", Optional.of(headers), layout,
                SetupStates.ARM64, outputs));
        Files.setLastModifiedTime(headers.resolve("codec.h"), FileTime.fromMillis(0));
        DevArtifact.write(second, new DevArtifact.Request("g:a:1", "1", "linux-aarch_64", Optional.of(headers), layout,
                SetupStates.ARM64, outputs));

        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));

        // Written again with the same content: left alone; with a header changed: written.
        FileTime written = FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(second, written);
        DevArtifact.write(second, new DevArtifact.Request("g:a:1", "1", "linux-aarch_64", Optional.of(headers), layout,
                SetupStates.ARM64, outputs));
        assertEquals(written, Files.getLastModifiedTime(second));
        Files.writeString(headers.resolve("codec.h"), "int codec_version(void); /* 2 */\n");
        DevArtifact.write(second, new DevArtifact.Request("g:a:1", "1", "linux-aarch_64", Optional.of(headers), layout,
                SetupStates.ARM64, outputs));
        assertTrue(entries(second).get("include/codec.h").contains("/* 2 */"));
    }

    @Test
    void publicHeadersThatAreNoFolderAreTheUsersToFix() {
        BuildLayout layout = layout();
        NativeDependencyException e = assertThrows(NativeDependencyException.class, () -> DevArtifact.write(
                directory.resolve("dev.zip"), new DevArtifact.Request("g:a:1", "1", "linux-aarch_64",
                        Optional.of(directory.resolve("no-such-folder")), layout, SetupStates.ARM64, List.of())));
        assertTrue(e.getMessage().startsWith("<publicHeaders> " + directory.resolve("no-such-folder")
                + " is not a folder"), e.getMessage());
    }

    @Test
    void entriesMustStayInsideTheArtifact() {
        for (String name : List.of("../x", "/etc/passwd", "a/../../b", "a//b", "c:/x", "a\\b", "")) {
            assertThrows(IllegalArgumentException.class, () -> DevArtifact.checkEntry(name), name);
        }
        DevArtifact.checkEntry("lib/pkgconfig/codec.pc");
    }
}
