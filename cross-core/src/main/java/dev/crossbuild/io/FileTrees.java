package dev.crossbuild.io;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
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

    /**
     * Deletes the entries of {@code directory} last modified before {@code before}: the leftovers of builds killed
     * while they worked in a shared scratch folder. A build at work in it now touched its entry since, so it keeps it.
     *
     * @return the entries deleted; none when the folder does not exist
     */
    public static List<Path> deleteOlder(Path directory, Instant before) throws IOException {
        return deleteOlder(directory, "*", before);
    }

    /** {@link #deleteOlder(Path, Instant)} for the entries whose names match {@code glob} only. */
    public static List<Path> deleteOlder(Path directory, String glob, Instant before) throws IOException {
        List<Path> deleted = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return deleted;
        }
        FileTime limit = FileTime.from(before);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory, glob)) {
            for (Path entry : entries) {
                try {
                    if (Files.getLastModifiedTime(entry).compareTo(limit) < 0) {
                        delete(entry);
                        deleted.add(entry);
                    }
                } catch (NoSuchFileException e) {
                    // deleted meanwhile by another build's clean-up
                }
            }
        }
        return deleted;
    }
}
