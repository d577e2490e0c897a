package dev.crossbuild.nativebuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbuild.exec.Command;
import dev.crossbuild.exec.ProcessResult;
import dev.crossbuild.exec.ProcessRunner;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The consumer's side: unpacking development artifacts under deps/, and packing their libraries into the jars. */
class NativeDependenciesTest {

    @TempDir
    Path directory;

    /** A development artifact of a versioned shared library {@code codec} with a header, as native-link writes it. */
    private Path artifact(String name, String classifier, String content) throws Exception {
        BuildLayout layout = new BuildLayout(directory.resolve(name + "/cross/" + classifier));
        NativeTarget codec = NativeTarget.builder("codec", TargetKind.SHARED_LIBRARY).version(Optional.of("1.2.0"))
                .build();
        Path file = OutputNames.path(layout, SetupStates.ARM64, codec);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        Path headers = directory.resolve(name + "/include");
        Files.createDirectories(headers);
        Files.writeString(headers.resolve("codec.h"), "int codec(void);\n");
        Path zip = directory.resolve(name + "/" + name + "-" + classifier + "-dev.zip");
        DevArtifact.write(zip, new DevArtifact.Request("com.example:" + name + ":1.0", "1.0", classifier,
                Optional.of(headers), layout, SetupStates.ARM64, List.of(new LinkedOutput(codec, file,
                        Optional.empty(), Map.of(), OutputNames.runtimeName(SetupStates.ARM64, codec)))));
        return zip;
    }

    private static ResolvedDevArtifact resolved(String artifactId, Path zip) {
        return new ResolvedDevArtifact("com.example:" + artifactId + ":1.0", artifactId, zip, "the reactor");
    }

    @Test
    void unpacksIntoItsFolderWithTheLinksOfAVersionedLibrary() throws Exception {
        Path deps = directory.resolve("app/target/cross/linux-aarch_64/deps");
        List<NativeDependency> unpacked = NativeDependencies.unpack(deps, "linux-aarch_64",
                List.of(resolved("codec", artifact("codec", "linux-aarch_64", "v1"))));

        NativeDependency codec = unpacked.get(0);
        assertEquals(deps.resolve("codec"), codec.folder());
        assertEquals("com.example:codec:1.0", codec.coordinates());
        assertTrue(codec.headers());
        assertEquals("v1", Files.readString(deps.resolve("codec/lib/libcodec.so.1.2.0")));
        assertEquals(Path.of("libcodec.so.1.2.0"), Files.readSymbolicLink(deps.resolve("codec/lib/libcodec.so.1")));
        assertEquals(Path.of("libcodec.so.1"), Files.readSymbolicLink(deps.resolve("codec/lib/libcodec.so")));
        assertEquals("v1", Files.readString(deps.resolve("codec/lib/libcodec.so")));
        assertTrue(Files.isRegularFile(deps.resolve("codec/include/codec.h")));
        assertEquals(deps.resolve("codec/lib/pkgconfig"), codec.pkgConfigFolder());
        assertTrue(Files.isRegularFile(codec.pkgConfigFolder().resolve("codec.pc")));
        assertEquals(List.of(deps.resolve("codec/lib")), codec.runtimeFolders());
        assertEquals(codec, NativeDependency.fromJson(codec.toJson()));
    }

    @Test
    void unpacksAgainOnlyWhenTheArtifactChangedAndRemovesWhatIsNoLongerListed() throws Exception {
        Path deps = directory.resolve("deps");
        Path zip = artifact("codec", "linux-aarch_64", "v1");
        NativeDependencies.unpack(deps, "linux-aarch_64", List.of(resolved("codec", zip)));
        Path library = deps.resolve("codec/lib/libcodec.so.1.2.0");
        Files.setLastModifiedTime(library, FileTime.fromMillis(1000));

        NativeDependencies.unpack(deps, "linux-aarch_64", List.of(resolved("codec", zip)));
        assertEquals(FileTime.fromMillis(1000), Files.getLastModifiedTime(library), "the same artifact: left alone");
        Files.setLastModifiedTime(zip, FileTime.fromMillis(5000)); // installed again, the same bytes: hashed, kept
        NativeDependencies.unpack(deps, "linux-aarch_64", List.of(resolved("codec", zip)));
        assertEquals(FileTime.fromMillis(1000), Files.getLastModifiedTime(library), "the same bytes: left alone");
        Path stamp = deps.resolve("codec").resolve(NativeDependencies.STAMP);
        Files.writeString(stamp, Files.readString(stamp).split(" ")[0] + "\n"); // an earlier version's stamp
        NativeDependencies.unpack(deps, "linux-aarch_64", List.of(resolved("codec", zip)));
        assertEquals(FileTime.fromMillis(1000), Files.getLastModifiedTime(library), "an older stamp: left alone");

        Path changed = artifact("codec", "linux-aarch_64", "v2");
        NativeDependencies.unpack(deps, "linux-aarch_64", List.of(resolved("codec", changed)));
        assertEquals("v2", Files.readString(library));

        Files.createDirectories(deps.resolve(".unpack/lib")); // a killed build's work folder
        NativeDependencies.unpack(deps, "linux-aarch_64", List.of());
        assertFalse(Files.exists(deps.resolve("codec")));
        assertFalse(Files.exists(deps.resolve(".unpack")));
    }

    @Test
    void anArtifactOfAnotherClassifierIsRefused() throws Exception {
        Path zip = artifact("codec", "linux-aarch_64", "v1");
        NativeDependencyException e = assertThrows(NativeDependencyException.class, () -> NativeDependencies.unpack(
                directory.resolve("deps"), "windows-x86_64", List.of(resolved("codec", zip))));
        assertTrue(e.getMessage().contains("was made for linux-aarch_64, not for windows-x86_64"), e.getMessage());
    }

    @Test
    void twoDependenciesOfOneArtifactIdAreRefused() throws Exception {
        Path zip = artifact("codec", "linux-aarch_64", "v1");
        NativeDependencyException e = assertThrows(NativeDependencyException.class, () -> NativeDependencies.unpack(
                directory.resolve("deps"), "linux-aarch_64", List.of(resolved("codec", zip),
                        new ResolvedDevArtifact("org.other:codec:2", "codec", zip, "the local repository"))));
        assertTrue(e.getMessage().contains("have the same artifactId"), e.getMessage());
    }

    @Test
    void aDamagedArtifactSaysSoAndLeavesNothingBehind() throws Exception {
        Path evil = directory.resolve("evil.zip");
        try (OutputStream file = Files.newOutputStream(evil); ZipOutputStream zip = new ZipOutputStream(file)) {
            zip.putNextEntry(new ZipEntry("../../outside.txt"));
            zip.write("x".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        }
        Path deps = directory.resolve("deps");
        NativeDependencyException e = assertThrows(NativeDependencyException.class, () -> NativeDependencies.unpack(
                deps, "linux-aarch_64", List.of(resolved("evil", evil))));
        assertTrue(e.getMessage().contains("is damaged: it holds the entry '../../outside.txt'"), e.getMessage());
        assertFalse(Files.exists(directory.resolve("outside.txt")));
        assertFalse(Files.exists(deps.resolve("evil")));

        Path notCross = directory.resolve("plain.zip");
        try (OutputStream file = Files.newOutputStream(notCross); ZipOutputStream zip = new ZipOutputStream(file)) {
            zip.putNextEntry(new ZipEntry("include/x.h"));
            zip.closeEntry();
        }
        e = assertThrows(NativeDependencyException.class, () -> NativeDependencies.unpack(deps, "linux-aarch_64",
                List.of(resolved("plain", notCross))));
        assertTrue(e.getMessage().contains("it has no cross-dev.json"), e.getMessage());
    }

    /** Links {@code file} for aarch64 from {@code source}, with {@code soname}, against {@code needs} in {@code search}. */
    private Path library(Path folder, String file, String soname, String source, Path search, String... needs)
            throws Exception {
        Path c = folder.resolve(file + ".c");
        Files.createDirectories(folder);
        Files.writeString(c, source);
        List<String> argv = new ArrayList<>(List.of(RealToolchains.require("aarch64-linux-gnu-gcc").toString(),
                "-shared", "-fPIC", "-o", folder.resolve(file).toString(), c.toString(), "-Wl,-soname," + soname,
                "-L" + search));
        for (String need : needs) {
            argv.add("-l" + need);
        }
        ProcessResult result = ProcessRunner.system().run(Command.of(argv));
        assertTrue(result.succeeded(), result.stderr());
        return folder.resolve(file);
    }

    private static DevLibrary shared(String name, String file, String runtimeName) {
        return new DevLibrary(name, TargetKind.SHARED_LIBRARY, file, runtimeName, List.of(), Optional.empty(), name);
    }

    @Test
    void packsTheDependenciesLibrariesTheOutputsNeedAndNamesThemInNeeds() throws Exception {
        Path depFolder = directory.resolve("deps/codec");
        Path lib = depFolder.resolve("lib");
        library(lib, "libbase.so", "libbase.so", "int base(void) { return 1; }\n", lib);
        library(lib, "libcodec.so.1", "libcodec.so.1", "int base(void);\nint codec(void) { return base(); }\n",
                lib, "base");
        Files.createSymbolicLink(lib.resolve("libcodec.so"), Path.of("libcodec.so.1"));
        library(lib, "libunused.so", "libunused.so", "int unused(void) { return 0; }\n", lib);
        NativeDependency dependency = new NativeDependency("com.example:codec:1.0", "the reactor", depFolder, "0",
                false, List.of(shared("base", "lib/libbase.so", "libbase.so"),
                        shared("codec", "lib/libcodec.so.1", "libcodec.so.1"),
                        shared("unused", "lib/libunused.so", "libunused.so"),
                        new DevLibrary("codecs", TargetKind.STATIC_LIBRARY, "lib/libcodecs.a", "libcodecs.a",
                                List.of(), Optional.empty(), "codecs")));
        Path main = library(directory.resolve("module/lib"), "libmain.so", "libmain.so",
                "int codec(void);\nint run(void) { return codec(); }\n", lib, "codec");
        NativeTarget mainTarget = NativeTarget.builder("main", TargetKind.SHARED_LIBRARY).build();
        LinkedOutput mainOutput = new LinkedOutput(mainTarget, main, Optional.empty(), Map.of());

        List<LinkedOutput> packed = NativeDependencies.withPacked(SetupStates.ARM64, List.of(dependency),
                List.of(mainOutput));

        assertEquals(List.of("codec", "base", "main"), packed.stream().map(o -> o.target().name()).toList());
        assertEquals(List.of("libcodec.so.1", "libbase.so", "libmain.so"),
                packed.stream().map(LinkedOutput::runtimeName).toList());
        assertEquals(List.of("base"), packed.get(0).target().libraries());
        assertEquals(List.of("codec"), packed.get(2).target().libraries());
        String index = NativeIndex.of(packed);
        List<String> lines = index.lines().filter(l -> !l.startsWith("#")).map(l -> l.split("\t", -1)[1] + ":"
                + l.split("\t", -1)[4]).toList();
        assertEquals(List.of("base:", "codec:base", "main:codec"), lines, index);

        assertEquals(List.of(mainOutput), NativeDependencies.withPacked(SetupStates.ARM64, List.of(),
                List.of(mainOutput)), "without dependencies: the outputs as they are");
    }

    @Test
    void aDependencysLibraryWithTheNameOfOneOfTheModulesIsRefused() throws Exception {
        Path lib = directory.resolve("deps/codec/lib");
        library(lib, "libmain.so", "libmain.so", "int dep(void) { return 1; }\n", lib);
        NativeDependency dependency = new NativeDependency("com.example:codec:1.0", "the reactor",
                directory.resolve("deps/codec"), "0", false, List.of(shared("main", "lib/libmain.so", "libmain.so")));
        Path module = directory.resolve("module/lib");
        library(module, "libuser.so", "libuser.so", "int dep(void);\nint run(void) { return dep(); }\n", lib,
                "main");
        List<LinkedOutput> outputs = List.of(
                new LinkedOutput(NativeTarget.builder("main", TargetKind.STATIC_LIBRARY).build(),
                        module.resolve("libuser.so.c"), Optional.empty(), Map.of()),
                new LinkedOutput(NativeTarget.builder("user", TargetKind.SHARED_LIBRARY).build(),
                        module.resolve("libuser.so"), Optional.empty(), Map.of()));

        NativeDependencyException e = assertThrows(NativeDependencyException.class,
                () -> NativeDependencies.withPacked(SetupStates.ARM64, List.of(dependency), outputs));
        assertTrue(e.getMessage().contains("the library main of the native dependency com.example:codec:1.0"),
                e.getMessage());
    }
}
