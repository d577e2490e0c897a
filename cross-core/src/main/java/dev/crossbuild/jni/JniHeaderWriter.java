package dev.crossbuild.jni;

import dev.crossbuild.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Generates the JNI headers of a folder of compiled classes, the same files {@code javac -h} writes, without
 * javah or a {@code -h} option in the compiler configuration. Writing is incremental: a header is rewritten only
 * when its content changes, and headers generated before for classes that lost their native methods are deleted
 * (an index file in the output folder remembers which headers are ours).
 *
 * <p>One difference from javac cannot be avoided: a class whose only JNI-relevant member is a
 * {@code @java.lang.annotation.Native} constant gets a header from javac but not from us, because that annotation
 * is not kept in class files.
 */
public final class JniHeaderWriter {

    /** The index of the headers we wrote, one file name a line, in the output folder. */
    public static final String INDEX = ".cross-jni-headers";

    private static final Pattern HEADER_NAME = Pattern.compile("[^/\\\\]+\\.h");

    private JniHeaderWriter() {
    }

    /** The headers for {@code classesDir}; types it refers to are looked up there and in the JDK. */
    public static GeneratedHeaders generate(Path classesDir) throws IOException, JniException {
        return generate(classesDir, List.of());
    }

    /**
     * The headers for {@code classesDir}, by file name. {@code classpath} (folders and jars, the compile class path)
     * is where the classes the native methods use and the superclasses are found, to tell exceptions
     * ({@code jthrowable}) from other objects and to inherit constants, as javac does.
     */
    public static GeneratedHeaders generate(Path classesDir, List<Path> classpath) throws IOException, JniException {
        List<NativeClass> classes = NativeMethodScanner.scan(classesDir);
        List<Path> roots = new ArrayList<>();
        roots.add(classesDir);
        roots.addAll(classpath);
        Map<String, String> files = new TreeMap<>();
        Map<String, String> owners = new HashMap<>();
        try (ClassPath lookup = new ClassPath(roots)) {
            HeaderRenderer renderer = new HeaderRenderer(lookup);
            for (NativeClass c : classes) {
                String previous = owners.put(c.headerFileName(), c.flatName());
                if (previous != null) {
                    throw new HeaderCollisionException(c.headerFileName(), previous, c.flatName());
                }
                files.put(c.headerFileName(), renderer.render(c));
            }
            return new GeneratedHeaders(new TreeMap<>(files), renderer.warnings());
        }
    }

    /** {@link #write(Path, List, Path)} without a class path beyond the classes folder and the JDK. */
    public static JniHeaderResult write(Path classesDir, Path outputDir) throws IOException, JniException {
        return write(classesDir, List.of(), outputDir);
    }

    /** Brings {@code outputDir} up to date with the headers of {@code classesDir}. */
    public static JniHeaderResult write(Path classesDir, List<Path> classpath, Path outputDir)
            throws IOException, JniException {
        GeneratedHeaders headers = generate(classesDir, classpath);
        List<Path> written = new ArrayList<>();
        List<Path> unchanged = new ArrayList<>();
        List<Path> removed = new ArrayList<>();
        for (Map.Entry<String, String> header : headers.files().entrySet()) {
            Path target = outputDir.resolve(header.getKey());
            byte[] content = header.getValue().getBytes(StandardCharsets.UTF_8);
            if (AtomicFiles.writeIfChanged(target, content)) {
                written.add(target);
            } else {
                unchanged.add(target);
            }
        }
        Set<String> previous = readIndex(outputDir);
        for (String name : previous) {
            if (!headers.files().containsKey(name) && Files.deleteIfExists(outputDir.resolve(name))) {
                removed.add(outputDir.resolve(name));
            }
        }
        writeIndex(outputDir, headers.files().keySet());
        return new JniHeaderResult(written, unchanged, removed, headers.warnings());
    }

    private static Set<String> readIndex(Path outputDir) throws IOException {
        Path index = outputDir.resolve(INDEX);
        Set<String> names = new TreeSet<>();
        if (Files.isRegularFile(index)) {
            for (String line : Files.readAllLines(index, StandardCharsets.UTF_8)) {
                // Only plain header names: a damaged index must not delete anything outside the folder.
                if (HEADER_NAME.matcher(line).matches() && !line.startsWith(".")) {
                    names.add(line);
                }
            }
        }
        return names;
    }

    /** Rewrites the index when its content differs; no headers, no index. */
    private static void writeIndex(Path outputDir, Set<String> names) throws IOException {
        Path index = outputDir.resolve(INDEX);
        if (names.isEmpty()) {
            Files.deleteIfExists(index);
            return;
        }
        StringBuilder text = new StringBuilder();
        names.forEach(n -> text.append(n).append('\n'));
        byte[] content = text.toString().getBytes(StandardCharsets.UTF_8);
        AtomicFiles.writeIfChanged(index, content);
    }
}
