package dev.crossbuild.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real libraries loaded into this JVM. Each test uses library names of its own: a library loaded here stays loaded,
 * and the dynamic linker would let a later test's library find it.
 */
class LibraryLoaderTest {

    private static final String CLASSIFIER = "test-classifier";

    @TempDir
    Path temp;

    private ClassPathRoot libraries(String dep, String demo, boolean declareNeeds) throws Exception {
        TestLibraries.requireGcc();
        Path built = temp.resolve("built");
        TestLibraries.compile(built, dep, demo);
        ClassPathRoot root = new ClassPathRoot(temp.resolve("root")).classifiers(CLASSIFIER);
        for (String name : Arrays.asList(dep, demo)) {
            String file = "lib" + name + ".so";
            root.file(CLASSIFIER, file, Files.readAllBytes(built.resolve(file)));
        }
        root.index(CLASSIFIER, root.libraryLine(CLASSIFIER, dep, "lib" + dep + ".so", ""),
                root.libraryLine(CLASSIFIER, demo, "lib" + demo + ".so", declareNeeds ? dep : ""));
        return root;
    }

    private LibraryLoader loader(Path cache) {
        return new LibraryLoader(CLASSIFIER, "from a test", Collections.singletonList(cache), false);
    }

    @Test
    void loadsWhatALibraryNeedsFirst() throws Exception {
        ClassPathRoot root = libraries("ordereddep", "ordereddemo", true);
        Path cache = temp.resolve("cache");
        LibraryLoader loader = loader(cache);
        try (URLClassLoader classes = root.loader()) {
            // libordereddep.so is in no folder the dynamic linker searches: demo loads only when dep was loaded first.
            loader.load("ordereddemo", classes);
        }
        TreeSet<String> files = TestFiles.filesUnder(cache);
        assertEquals(2, files.size(), files.toString());
        assertTrue(files.first().endsWith("/libordereddemo.so") || files.last().endsWith("/libordereddemo.so"));
    }

    @Test
    void withoutItsNeedsTheLibraryDoesNotLoad() throws Exception {
        ClassPathRoot root = libraries("lonedep", "lonedemo", false);
        try (URLClassLoader classes = root.loader()) {
            UnsatisfiedLinkError e = assertThrows(UnsatisfiedLinkError.class,
                    () -> loader(temp.resolve("cache")).load("lonedemo", classes));
            assertTrue(e.getMessage().contains("liblonedep.so"), e.getMessage());
            assertTrue(e.getCause().getMessage().contains("liblonedep.so"), e.getCause().getMessage());
        }
    }

    @Test
    void loadingAgainDoesNothing() throws Exception {
        ClassPathRoot root = libraries("againdep", "againdemo", true);
        Path cache = temp.resolve("cache");
        LibraryLoader loader = loader(cache);
        try (URLClassLoader classes = root.loader()) {
            loader.load("againdemo", classes);
        }
        // Neither the natives nor the cache are looked at again, for the library or what it needed.
        TestFiles.delete(root.root);
        TestFiles.delete(cache);
        try (URLClassLoader classes = root.loader()) {
            loader.load("againdemo", classes);
            loader.load("againdep", classes);
        }
        assertTrue(!Files.exists(cache));
    }

    @Test
    void thePropertyReplacesDetection() throws Exception {
        String before = System.getProperty(Classifiers.PROPERTY);
        System.setProperty(Classifiers.PROPERTY, "linux-x86_64-musl");
        try {
            LibraryLoader loader = LibraryLoader.forThisJvm();
            assertEquals("linux-x86_64-musl", loader.classifier());
            ClassPathRoot root = new ClassPathRoot(temp.resolve("root")).classifiers("linux-x86_64");
            try (URLClassLoader classes = root.loader()) {
                UnsatisfiedLinkError e = assertThrows(UnsatisfiedLinkError.class, () -> loader.load("demo", classes));
                assertTrue(e.getMessage().contains(
                        "\n  classifier: linux-x86_64-musl (from -Dcross.runtime.classifier)\n"), e.getMessage());
            }
        } finally {
            if (before == null) {
                System.clearProperty(Classifiers.PROPERTY);
            } else {
                System.setProperty(Classifiers.PROPERTY, before);
            }
        }
    }
}
