package dev.crossbuild.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each failure of a load, with the message a user sees. */
class LoadErrorsTest {

    private static final String LINUX = "linux-x86_64";
    private static final String ORIGIN = "detected from os.name=Linux, os.arch=amd64";

    @TempDir
    Path temp;

    private LibraryLoader loader(String classifier, Path cache) {
        return new LibraryLoader(classifier, ORIGIN, Collections.singletonList(cache), false);
    }

    private UnsatisfiedLinkError fails(LibraryLoader loader, String name, ClassPathRoot root) throws IOException {
        try (URLClassLoader classes = root.loader()) {
            return assertThrows(UnsatisfiedLinkError.class, () -> loader.load(name, classes));
        }
    }

    private ClassPathRoot root() throws IOException {
        return new ClassPathRoot(temp.resolve("root")).classifiers(LINUX, "windows-x86_64");
    }

    @Test
    void noNativesForTheClassifierListsWhatThereIs() throws IOException {
        ClassPathRoot root = root();
        root.index(LINUX);
        ClassPathRoot other = new ClassPathRoot(temp.resolve("other")).classifiers("osx-aarch_64");
        URLClassLoader both = new URLClassLoader(new java.net.URL[] {
                root.root.toUri().toURL(), other.root.toUri().toURL()}, null);
        UnsatisfiedLinkError e = assertThrows(UnsatisfiedLinkError.class,
                () -> loader("linux-aarch_64", temp.resolve("cache")).load("demo", both));
        both.close();
        assertEquals("cannot load native library 'demo': no natives for linux-aarch_64 on the class path\n"
                + "  classifier: linux-aarch_64 (" + ORIGIN + ")\n"
                + "  natives on the class path: linux-x86_64, osx-aarch_64, windows-x86_64\n"
                + "  tried: META-INF/native/linux-aarch_64/index.tsv\n"
                + "  put the jar with classifier linux-aarch_64 (or a bundle jar that holds it) on the class path;"
                + " if linux-aarch_64 is not this platform, set -Dcross.runtime.classifier=<one of the classifiers"
                + " above>", e.getMessage());
        assertNull(e.getCause());
    }

    @Test
    void noNativesAtAll() throws IOException {
        UnsatisfiedLinkError e = fails(loader(LINUX, temp.resolve("cache")), "demo",
                new ClassPathRoot(Files.createDirectories(temp.resolve("empty"))));
        assertTrue(e.getMessage().contains(
                "\n  natives on the class path: none (no META-INF/native/classifiers.txt found)\n"), e.getMessage());
    }

    @Test
    void muslNeverFallsBackToGlibc() throws IOException {
        ClassPathRoot root = root();
        root.index(LINUX);
        UnsatisfiedLinkError e = fails(new LibraryLoader("linux-x86_64-musl", "from -Dcross.runtime.classifier",
                Collections.singletonList(temp.resolve("cache")), false), "demo", root);
        assertEquals("cannot load native library 'demo': no natives for linux-x86_64-musl on the class path\n"
                + "  classifier: linux-x86_64-musl (from -Dcross.runtime.classifier)\n"
                + "  natives on the class path: linux-x86_64, windows-x86_64\n"
                + "  tried: META-INF/native/linux-x86_64-musl/index.tsv\n"
                + "  the natives for linux-x86_64 are built for glibc and do not load on musl, so they are not"
                + " used: build linux-x86_64-musl too (a musl toolchain), or run on a glibc system", e.getMessage());
    }

    @Test
    void noLibraryOfThatNameListsTheNames() throws IOException {
        ClassPathRoot root = root();
        root.file(LINUX, "libdep.so", new byte[] {1});
        root.file(LINUX, "libother.so", new byte[] {2});
        root.index(LINUX, root.libraryLine(LINUX, "dep", "libdep.so", ""),
                root.libraryLine(LINUX, "other", "libother.so", ""));
        UnsatisfiedLinkError e = fails(loader(LINUX, temp.resolve("cache")), "demo", root);
        Path index = root.root.resolve("META-INF/native/linux-x86_64/index.tsv");
        assertEquals("cannot load native library 'demo': the natives for linux-x86_64 have no library 'demo'\n"
                + "  classifier: linux-x86_64 (" + ORIGIN + ")\n"
                + "  natives on the class path: linux-x86_64, windows-x86_64\n"
                + "  tried: " + index.toUri().toURL() + "\n"
                + "  libraries there: dep, other; the name is the <name> of a <library> in the POM", e.getMessage());
    }

    @Test
    void aMalformedIndexNamesTheLine() throws IOException {
        ClassPathRoot root = root();
        root.index(LINUX, "library\tdemo\tlibdemo.so");
        UnsatisfiedLinkError e = fails(loader(LINUX, temp.resolve("cache")), "demo", root);
        assertTrue(e.getMessage().startsWith("cannot load native library 'demo': cannot read index.tsv\n"),
                e.getMessage());
        assertTrue(e.getMessage().contains("\n  reason: line 2: expected 5 TAB-separated fields"), e.getMessage());
        assertTrue(e.getCause() instanceof IOException);
    }

    @Test
    void hashMismatchNamesBothFilesAndExtractsNothing() throws IOException {
        ClassPathRoot root = root();
        Path library = root.file(LINUX, "libdemo.so", "v1".getBytes(StandardCharsets.UTF_8));
        String line = root.libraryLine(LINUX, "demo", "libdemo.so", "");
        root.index(LINUX, line);
        Files.write(library, "v2".getBytes(StandardCharsets.UTF_8)); // the jar mixes two builds
        Path cache = temp.resolve("cache");
        UnsatisfiedLinkError e = fails(loader(LINUX, cache), "demo", root);
        String expected = line.split("\t")[3];
        assertEquals("cannot load native library 'demo': libdemo.so: its bytes do not match index.tsv\n"
                + "  classifier: linux-x86_64 (" + ORIGIN + ")\n"
                + "  natives on the class path: linux-x86_64, windows-x86_64\n"
                + "  tried: " + library.toUri().toURL() + " -> " + cache.resolve(expected).resolve("libdemo.so")
                + "\n  reason: SHA-256 mismatch: the index gives " + expected + ", the bytes have "
                + NativeCache.sha256(library) + "\n"
                + "  the jar is damaged, or mixes files of two builds; nothing was extracted", e.getMessage());
        assertTrue(e.getCause() instanceof NativeCache.HashMismatchException);
        assertEquals(new TreeSet<String>(), TestFiles.filesUnder(cache));
    }

    @Test
    void extractionFailureNamesTheCacheFolderAndTheProperty() throws IOException {
        ClassPathRoot root = root();
        root.file(LINUX, "libdemo.so", new byte[] {1});
        root.index(LINUX, root.libraryLine(LINUX, "demo", "libdemo.so", ""));
        Path notAFolder = Files.createFile(temp.resolve("cache"));
        UnsatisfiedLinkError e = fails(loader(LINUX, notAFolder), "demo", root);
        assertTrue(e.getMessage().startsWith("cannot load native library 'demo': libdemo.so: cannot extract it into"
                + " the cache folder " + notAFolder + "\n"), e.getMessage());
        assertTrue(e.getMessage().contains("\n  reason: no usable cache folder (" + notAFolder + ": "), e.getMessage());
        assertTrue(e.getMessage().endsWith("\n  make the cache folder " + notAFolder + " writable, or set"
                + " -Dcross.runtime.cacheDir=<a writable folder>"), e.getMessage());
        assertTrue(e.getCause() instanceof IOException);
    }

    @Test
    void loadFailureGivesTheSystemsReasonAndKeepsTheOriginal() throws IOException {
        ClassPathRoot root = root();
        Path library = root.file(LINUX, "libbroken.so", "this is no ELF file".getBytes(StandardCharsets.UTF_8));
        String line = root.libraryLine(LINUX, "broken", "libbroken.so", "");
        root.index(LINUX, line);
        Path cache = temp.resolve("cache");
        UnsatisfiedLinkError e = fails(loader(LINUX, cache), "broken", root);
        Path extracted = cache.resolve(line.split("\t")[3]).resolve("libbroken.so");
        assertTrue(e.getMessage().startsWith("cannot load native library 'broken': libbroken.so: System.load failed\n"
                + "  classifier: linux-x86_64 (" + ORIGIN + ")\n"
                + "  natives on the class path: linux-x86_64, windows-x86_64\n"
                + "  tried: " + library.toUri().toURL() + " -> " + extracted + "\n"
                + "  reason: "), e.getMessage());
        assertTrue(e.getCause() instanceof UnsatisfiedLinkError);
        assertTrue(e.getMessage().contains(e.getCause().getMessage()), e.getMessage());
        assertFalse(e.getCause().getMessage().isEmpty());
    }
}
