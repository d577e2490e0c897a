package dev.crossbuild.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Creates the folders outputs go to, and when that is impossible says what is in the way instead of the file
 * system's bare "Not a directory" or the path alone ({@code FileAlreadyExistsException}).
 */
public final class Folders {

    private Folders() {
    }

    /**
     * Creates {@code folder} and the folders above it that are missing; nothing to do when it exists.
     *
     * @throws FolderException a file (or a link to one) is where {@code folder} or a folder above it must be, or
     *     the folder cannot be created for want of permission
     */
    public static Path create(Path folder) throws FolderException, IOException {
        Path absolute = folder.toAbsolutePath().normalize();
        if (Files.isDirectory(absolute)) {
            return absolute;
        }
        try {
            return Files.createDirectories(absolute);
        } catch (FileSystemException e) { // FileAlreadyExistsException, "Not a directory", AccessDeniedException
            Path blocker = firstNonFolder(absolute);
            if (blocker != null) {
                throw new FolderException(blocker, blocker + " is " + kind(blocker) + ", not a folder"
                        + (blocker.equals(absolute) ? "" : " (cross needs the folder " + absolute + " in it)"),
                        "delete or move it" + (inBuildFolder(blocker) ? " (mvn clean deletes everything under "
                                + "target/)" : ""), e);
            }
            if (e instanceof AccessDeniedException) {
                Path parent = firstExisting(absolute);
                throw new FolderException(parent, "cannot create the folder " + absolute + ": no permission to "
                        + "write in " + parent, "give yourself write access to " + parent
                        + " (or build from a copy you own)", e);
            }
            throw e;
        }
    }

    /** Like {@link #create}, for callers that report only I/O errors: the explanation becomes its message. */
    public static Path createOrExplain(Path folder) throws IOException {
        try {
            return create(folder);
        } catch (FolderException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * What would keep {@code folder} from being created, found without creating anything: the existing path at or
     * above it that is not a folder (a file, a link to one, a broken link), or null.
     */
    public static Path inTheWay(Path folder) {
        return firstNonFolder(folder.toAbsolutePath().normalize());
    }

    /** {@code folder} itself when it exists, else the nearest folder above it that does: where it would be made. */
    public static Path nearestExisting(Path folder) {
        return firstExisting(folder.toAbsolutePath().normalize());
    }

    /** {@code a file}, {@code a link to a file}, {@code a broken link} or {@code a special file}. */
    public static String kind(Path path) {
        if (Files.isSymbolicLink(path)) {
            return Files.exists(path) ? "a link to a file" : "a broken link";
        }
        return Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS) ? "a file" : "a special file";
    }

    /** Whether {@code path} is in a Maven build folder ({@code target/}), which {@code mvn clean} empties. */
    private static boolean inBuildFolder(Path path) {
        for (Path name : path) {
            if (name.toString().equals("target")) {
                return true;
            }
        }
        return false;
    }

    /** The existing path at or above {@code folder} that is not a folder (there is at most one), or null. */
    private static Path firstNonFolder(Path folder) {
        for (Path p = folder; p != null; p = p.getParent()) {
            if (Files.exists(p, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(p)) {
                return p;
            }
        }
        return null;
    }

    private static Path firstExisting(Path folder) {
        Path p = folder;
        while (p.getParent() != null && !Files.exists(p)) {
            p = p.getParent();
        }
        return p;
    }
}
