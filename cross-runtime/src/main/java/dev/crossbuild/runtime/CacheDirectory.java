package dev.crossbuild.runtime;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/** Where extracted natives are kept: the first usable folder of {@link #candidates}. */
final class CacheDirectory {

    /** The system property naming the cache folder; then no other folder is tried. */
    static final String PROPERTY = "cross.runtime.cacheDir";

    private CacheDirectory() {
    }

    /**
     * The folders to try, in order: the property's folder alone when it is set; else the user cache folder
     * ({@code $XDG_CACHE_HOME} or {@code ~/.cache} on Linux and the BSDs, {@code ~/Library/Caches} on macOS,
     * {@code %LOCALAPPDATA%} on Windows) + {@code /cross-runtime}, then {@code java.io.tmpdir} +
     * {@code /cross-runtime-<user.name>}.
     *
     * @param os the OS part of the classifier ({@code linux}, {@code osx}, {@code windows})
     * @param property the value of {@value #PROPERTY}, or null
     * @param xdgCacheHome the environment variable {@code XDG_CACHE_HOME}, or null
     * @param localAppData the environment variable {@code LOCALAPPDATA}, or null
     */
    static List<Path> candidates(String os, String property, String xdgCacheHome, String localAppData,
                                 String userHome, String tmpDir, String userName) {
        List<Path> folders = new ArrayList<Path>();
        if (isSet(property)) {
            add(folders, path(property));
            return folders;
        }
        add(folders, userCache(os, xdgCacheHome, localAppData, userHome));
        if (isSet(tmpDir)) {
            String user = isSet(userName) ? userName.replaceAll("[^A-Za-z0-9_.-]", "_") : "user";
            add(folders, path(tmpDir, "cross-runtime-" + user));
        }
        return folders;
    }

    /** The user's cache folder + {@code cross-runtime}, or null. */
    private static Path userCache(String os, String xdgCacheHome, String localAppData, String userHome) {
        if (os.equals("windows")) {
            return isSet(localAppData) ? path(localAppData, "cross-runtime")
                    : path(userHome, "AppData", "Local", "cross-runtime");
        }
        if (os.equals("osx")) {
            return path(userHome, "Library", "Caches", "cross-runtime");
        }
        Path xdg = path(xdgCacheHome, "cross-runtime");
        // The XDG spec: a relative value is invalid and ignored.
        return xdg != null && xdg.isAbsolute() ? xdg : path(userHome, ".cache", "cross-runtime");
    }

    private static boolean isSet(String value) {
        return value != null && !value.trim().isEmpty();
    }

    /** The path, or null when the first part is unset or a part is no valid path. */
    private static Path path(String first, String... more) {
        if (!isSet(first)) {
            return null;
        }
        try {
            return Paths.get(first, more);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static void add(List<Path> folders, Path folder) {
        if (folder != null) {
            folders.add(folder);
        }
    }

    /** The candidates of this JVM: system properties and environment. */
    static List<Path> candidates(String os) {
        return candidates(os, System.getProperty(PROPERTY), getenv("XDG_CACHE_HOME"), getenv("LOCALAPPDATA"),
                System.getProperty("user.home"), System.getProperty("java.io.tmpdir"), System.getProperty("user.name"));
    }

    private static String getenv(String name) {
        try {
            return System.getenv(name);
        } catch (SecurityException e) {
            return null;
        }
    }

    /**
     * The first candidate that exists or can be created and where this process can create a file.
     *
     * @param privateFolders whether the folders are this user's own (not the property's): then, on POSIX systems,
     *                       a folder this process creates is {@code rwx------} and a folder that belongs to another
     *                       user is not used, so that nobody else can place files where this process loads
     *                       libraries from (the temporary folder is shared)
     * @throws IOException naming every folder tried and why it was not used
     */
    static Path choose(List<Path> candidates, boolean privateFolders) throws IOException {
        StringBuilder reasons = new StringBuilder();
        for (Path candidate : candidates) {
            Path folder = candidate.toAbsolutePath();
            try {
                prepare(folder, privateFolders);
                return folder;
            } catch (IOException | RuntimeException e) {
                reasons.append(reasons.length() == 0 ? "" : "; ").append(folder).append(": ").append(e);
            }
        }
        throw new IOException(candidates.isEmpty()
                ? "no cache folder: -D" + PROPERTY + ", user.home and java.io.tmpdir are unset or no valid paths"
                : "no usable cache folder (" + reasons + ")");
    }

    private static void prepare(Path folder, boolean privateFolder) throws IOException {
        // POSIX only: on Windows the user's profile folders are private already, and an elevated process's files
        // belong to the Administrators group, so owners would differ between runs of the same user.
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        boolean checkOwner = privateFolder && posix;
        if (checkOwner && !Files.isDirectory(folder)) {
            Files.createDirectories(folder.getParent());
            try {
                Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rwx------")));
            } catch (FileAlreadyExistsException raced) {
                // Another process created it: the owner check below decides.
            }
        }
        Files.createDirectories(folder);
        Path probe = Files.createTempFile(folder, ".probe-", ".tmp");
        try {
            if (checkOwner && !Files.getOwner(probe).equals(Files.getOwner(folder))) {
                throw new IOException("owned by " + Files.getOwner(folder).getName()
                        + ", not by this process's user " + Files.getOwner(probe).getName());
            }
        } finally {
            Files.deleteIfExists(probe);
        }
    }
}
