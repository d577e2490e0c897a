package dev.crossbuild.nativebuild;

import dev.crossbuild.io.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/**
 * The jar attached with the classifier: the libraries and executables under {@code META-INF/native/<classifier>/}
 * (or, for the {@code <classifier>-debug} jar, their {@code .debug} files), with a manifest naming the classifier.
 * Reproducible: entries sorted by name, every timestamp fixed, no build-dependent manifest attributes, so the same
 * outputs give the same bytes. Written atomically, and only when its content changes: a jar that already holds exactly
 * these entries (same names in the same order, same sizes and CRC-32s) is left alone, so a build with nothing to link
 * reads the outputs but does not compress them again.
 *
 * <p>A jar (zip) entry written by {@code java.util.jar} carries no Unix file mode, so an executable taken out of the
 * jar is not executable until its mode is set again ({@code chmod +x}, or {@code File.setExecutable} by whatever
 * unpacks it). Import libraries ({@code .dll.a}) are not packed: they serve only links against the DLL. Nor are the
 * symbolic links of a versioned library: it is packed once, under its SONAME ({@code libz.so.1}), the name the
 * libraries and executables linked against it ask for.
 */
public final class NativeJar {

    private NativeJar() {
    }

    /** A jar of one classifier's outputs: the classifier it is attached with, and its file. */
    public record Written(String classifier, Path file) {
    }

    /**
     * Writes {@code <baseName>.jar} (the outputs, attached with {@code classifier}) in {@code directory} and, when an
     * output has a debug file, {@code <baseName>-debug.jar} ({@code <classifier>-debug}), the two at once: compressing
     * them is most of what native-link does itself, and each compresses on a processor of its own.
     *
     * @return the jars, the classifier jar first; none without outputs
     * @throws IOException as {@link #write}
     */
    public static List<Written> writeAll(Path directory, String baseName, String classifier,
                                         List<LinkedOutput> outputs) throws IOException {
        if (outputs.isEmpty()) {
            return List.of();
        }
        Path jar = directory.resolve(baseName + ".jar");
        if (outputs.stream().noneMatch(o -> o.debugFile().isPresent())) {
            write(jar, classifier, outputs, false);
            return List.of(new Written(classifier, jar));
        }
        Path debugJar = directory.resolve(baseName + "-debug.jar");
        ExecutorService thread = Background.thread("cross-debug-jar");
        try {
            Future<Boolean> debug = thread.submit(() -> write(debugJar, classifier, outputs, true));
            try {
                write(jar, classifier, outputs, false);
            } catch (IOException | RuntimeException e) {
                try {
                    Background.await(debug, "writing " + debugJar); // no thread outlives the goal
                } catch (IOException | RuntimeException other) {
                    e.addSuppressed(other);
                }
                throw e;
            }
            Background.await(debug, "writing " + debugJar);
        } finally {
            thread.shutdown();
        }
        return List.of(new Written(classifier, jar), new Written(classifier + "-debug", debugJar));
    }

    /**
     * @param debug write the debug jar: the outputs' debug files instead of the outputs
     * @return whether the jar was written; {@code false} when it already held exactly this content
     * @throws IOException when a file cannot be read or the jar not written; when two outputs have the same name
     */
    public static boolean write(Path jar, String classifier, List<LinkedOutput> outputs, boolean debug)
            throws IOException {
        String folder = "META-INF/native/" + classifier + "/";
        Map<String, byte[]> generated = new TreeMap<>();
        if (!debug) {
            // What cross-runtime's NativeLoader reads, so this jar alone on a class path loads too.
            generated.put("META-INF/native/" + NativeIndex.CLASSIFIERS,
                    NativeIndex.classifiers(Set.of(classifier)).getBytes(StandardCharsets.UTF_8));
            generated.put(folder + NativeIndex.INDEX, NativeIndex.of(outputs).getBytes(StandardCharsets.UTF_8));
        }
        Map<String, Path> entries = new TreeMap<>();
        for (LinkedOutput output : outputs) {
            Optional<Path> file = debug ? output.debugFile() : Optional.of(output.file());
            if (file.isEmpty()) {
                continue;
            }
            // The debug file keeps its name (the output's debuglink names it); the output is packed as the loader
            // needs it: a versioned library under its SONAME.
            String name = folder + (debug ? file.get().getFileName().toString() : output.runtimeName());
            Path previous = entries.put(name, file.get());
            if (previous != null || generated.containsKey(name)) {
                throw new IOException("two outputs would both be " + name + " in " + jar.getFileName() + ": "
                        + (previous != null ? previous : "cross's own index") + " and " + file.get());
            }
        }
        // Every entry in the jar's order: the folders and the manifest first, then the files sorted by name.
        Map<String, byte[]> contents = new LinkedHashMap<>();
        contents.put("META-INF/", null);
        ByteArrayOutputStream manifest = new ByteArrayOutputStream();
        manifest(classifier, debug).write(manifest);
        contents.put(JarFile.MANIFEST_NAME, manifest.toByteArray());
        contents.put("META-INF/native/", null);
        contents.put(folder, null);
        Map<String, Object> files = new TreeMap<>(entries);
        files.putAll(generated);
        for (Map.Entry<String, Object> entry : files.entrySet()) {
            contents.put(entry.getKey(), entry.getValue() instanceof Path file ? Files.readAllBytes(file)
                    : (byte[]) entry.getValue());
        }
        Optional<byte[]> bytes = ZipContents.unlessHeld(jar, contents, true);
        if (bytes.isEmpty()) {
            return false;
        }
        AtomicFiles.write(jar, bytes.get());
        return true;
    }

    private static Manifest manifest(String classifier, boolean debug) {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Created-By", "cross");
        main.putValue("Cross-Classifier", classifier);
        main.putValue("Cross-Content", debug ? "debug information" : "native libraries and executables");
        return manifest;
    }
}
