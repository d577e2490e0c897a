package dev.crossbuild.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Deleting whole folders: work folders of links and generators, scratch folders of the doctor. */
public final class FileTrees {

    private FileTrees() {
    }

    /** Deletes {@code directory} and everything in it; nothing to do when it does not exist. */
    public static void delete(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                try {
                    Files.deleteIfExists(file);
                } catch (NoSuchFileException e) {
                    // gone already (a concurrent clean-up of the same folder)
                }
            }
        } catch (NoSuchFileException e) {
            // the folder went away while it was walked
        }
    }

    /** Like {@link #delete}, for scratch folders whose leftovers harm nothing: a failure is ignored. */
    public static void deleteQuietly(Path directory) {
        try {
            delete(directory);
        } catch (IOException e) {
            // a leftover file in a scratch folder harms nothing
        }
    }
}
