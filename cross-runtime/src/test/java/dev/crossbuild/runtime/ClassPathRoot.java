package dev.crossbuild.runtime;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** A folder laid out as a natives jar (see {@link NativeIndex}), and class loaders that read it. */
final class ClassPathRoot {

    final Path root;

    ClassPathRoot(Path root) {
        this.root = root;
    }

    /** Writes {@code META-INF/native/classifiers.txt}. */
    ClassPathRoot classifiers(String... classifiers) throws IOException {
        Path list = root.resolve(NativeIndex.CLASSIFIERS);
        Files.createDirectories(list.getParent());
        Files.write(list, Arrays.asList(classifiers), StandardCharsets.UTF_8);
        return this;
    }

    /** Writes a file into a classifier's folder. */
    Path file(String classifier, String name, byte[] bytes) throws IOException {
        Path file = root.resolve(NativeIndex.folder(classifier)).resolve(name);
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    /** Writes a classifier's {@code index.tsv}; each line's fields are joined with TABs. */
    ClassPathRoot index(String classifier, String... lines) throws IOException {
        StringBuilder text = new StringBuilder("# written by a test\n");
        for (String line : lines) {
            text.append(line).append('\n');
        }
        file(classifier, NativeIndex.INDEX_FILE, text.toString().getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** An index line for a library file already in the classifier's folder, with its real hash. */
    String libraryLine(String classifier, String name, String file, String needs) throws IOException {
        String sha256 = NativeCache.sha256(root.resolve(NativeIndex.folder(classifier)).resolve(file));
        return "library\t" + name + "\t" + file + "\t" + sha256 + "\t" + needs;
    }

    /** A class loader that sees only this root (its parent is the bootstrap loader). */
    URLClassLoader loader() {
        try {
            return new URLClassLoader(new URL[] {root.toUri().toURL()}, null);
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
