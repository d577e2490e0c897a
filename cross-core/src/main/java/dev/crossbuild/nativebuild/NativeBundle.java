package dev.crossbuild.nativebuild;

import dev.crossbuild.io.AtomicFiles;
import dev.crossbuild.io.FileTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every host machine's natives in the module's main artifact: written into the classes folder (so the jar plugin
 * packs them, and the module's own tests find them on the class path) under {@code META-INF/native/<classifier>/},
 * each folder with its {@link NativeIndex}, and {@code META-INF/native/classifiers.txt} naming them all.
 *
 * <p>The folders named by an earlier bundle's {@code classifiers.txt} are the bundle's own: those of classifiers no
 * longer built are removed, and {@link #remove} takes the whole bundle out when bundling is turned off. Nothing
 * else under {@code META-INF/native/} (a resource of the module's own) is touched.
 */
public final class NativeBundle {

    /** Where the bundle goes in the classes folder. */
    public static final String FOLDER = "META-INF/native";

    private NativeBundle() {
    }

    /**
     * @param outputs each classifier's verified outputs, in link order
     * @return the files written or kept, relative to {@code classesDirectory}
     */
    public static List<String> write(Path classesDirectory, Map<String, List<LinkedOutput>> outputs)
            throws IOException {
        Path root = classesDirectory.resolve(FOLDER);
        removeStale(root, outputs.keySet());
        List<String> written = new ArrayList<>();
        for (Map.Entry<String, List<LinkedOutput>> entry : outputs.entrySet()) {
            Path folder = root.resolve(entry.getKey());
            Set<String> names = new TreeSet<>();
            for (LinkedOutput output : entry.getValue()) {
                String name = output.runtimeName();
                if (!names.add(name) || name.equals(NativeIndex.INDEX)) {
                    throw new IOException("two outputs of " + entry.getKey() + " would both be " + folder.resolve(name));
                }
                AtomicFiles.writeIfChanged(folder.resolve(name), Files.readAllBytes(output.file()));
            }
            AtomicFiles.writeStringIfChanged(folder.resolve(NativeIndex.INDEX), NativeIndex.of(entry.getValue()));
            names.add(NativeIndex.INDEX);
            try (var files = Files.list(folder)) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    if (!names.contains(file.getFileName().toString())) {
                        FileTrees.delete(file); // an output this classifier no longer has
                    }
                }
            }
            names.forEach(name -> written.add(classesDirectory.relativize(folder.resolve(name)).toString()));
        }
        AtomicFiles.writeStringIfChanged(root.resolve(NativeIndex.CLASSIFIERS), NativeIndex.classifiers(outputs.keySet()));
        return written;
    }

    /** Takes out what an earlier bundle wrote, when this build bundles nothing. */
    public static void remove(Path classesDirectory) throws IOException {
        Path root = classesDirectory.resolve(FOLDER);
        removeStale(root, Set.of());
        Files.deleteIfExists(root.resolve(NativeIndex.CLASSIFIERS));
    }

    private static void removeStale(Path root, Set<String> kept) throws IOException {
        Path list = root.resolve(NativeIndex.CLASSIFIERS);
        if (!Files.isRegularFile(list)) {
            return;
        }
        for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
            String classifier = line.strip();
            // Only plain names: a damaged list must not lead out of the folder.
            if (!classifier.isEmpty() && !kept.contains(classifier) && classifier.matches("[A-Za-z0-9_-][A-Za-z0-9_.-]*")) {
                FileTrees.delete(root.resolve(classifier));
            }
        }
    }
}
