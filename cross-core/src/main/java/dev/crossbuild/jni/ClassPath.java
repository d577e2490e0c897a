package dev.crossbuild.jni;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Finds class files by binary name, as javac would for the header's type decisions (is a parameter an exception?)
 * and inherited constants: the given folders and jars in order, then the JDK that runs us. Reads files, never loads
 * classes.
 */
final class ClassPath implements Closeable {

    private final List<Path> roots;
    private final Map<Path, ZipFile> jars = new HashMap<>();
    private final Map<String, Optional<ClassFile>> cache = new HashMap<>();

    ClassPath(List<Path> roots) {
        this.roots = List.copyOf(roots);
    }

    Optional<ClassFile> find(String binaryName) throws IOException, ClassFileException {
        Optional<ClassFile> cached = cache.get(binaryName);
        if (cached == null) {
            cached = load(binaryName);
            cache.put(binaryName, cached);
        }
        return cached;
    }

    private Optional<ClassFile> load(String binaryName) throws IOException, ClassFileException {
        String entry = binaryName + ".class";
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                Path file = root.resolve(entry);
                if (Files.isRegularFile(file)) {
                    return Optional.of(ClassFileParser.parse(file.toString(), Files.readAllBytes(file)));
                }
            } else if (Files.isRegularFile(root)) {
                ZipFile jar = jar(root);
                ZipEntry zipEntry = jar.getEntry(entry);
                if (zipEntry != null) {
                    try (InputStream in = jar.getInputStream(zipEntry)) {
                        return Optional.of(ClassFileParser.parse(root + "!/" + entry, in.readAllBytes()));
                    }
                }
            }
        }
        // The JDK's own classes; the platform loader does not see the build's class path (Maven, plugins).
        try (InputStream in = ClassLoader.getPlatformClassLoader().getResourceAsStream(entry)) {
            if (in != null) {
                return Optional.of(ClassFileParser.parse("jrt:/" + entry, in.readAllBytes()));
            }
        }
        return Optional.empty();
    }

    private ZipFile jar(Path path) throws IOException {
        ZipFile jar = jars.get(path);
        if (jar == null) {
            jar = new ZipFile(path.toFile());
            jars.put(path, jar);
        }
        return jar;
    }

    @Override
    public void close() throws IOException {
        List<IOException> failures = new ArrayList<>();
        for (ZipFile jar : jars.values()) {
            try {
                jar.close();
            } catch (IOException e) {
                failures.add(e);
            }
        }
        jars.clear();
        if (!failures.isEmpty()) {
            throw failures.get(0);
        }
    }
}
