package dev.crossbuild.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Extracted natives, keyed by content: {@code <folder>/<sha256>/<file>}. A file there is complete and verified or
 * absent, whatever other threads and JVMs do at the same time: it is written under a name of its own in the same
 * folder, hashed while written, and renamed into place atomically. An existing file with the right hash (checked
 * once per JVM) is used, never overwritten: Windows cannot replace a DLL another process has loaded. A damaged one
 * is replaced where the system allows it.
 */
final class NativeCache {

    private static volatile String processId;

    private final Path folder;
    /** Files whose hash this JVM checked, with their size then: a file of another size is checked again. */
    private final Map<Path, Long> verified = new ConcurrentHashMap<Path, Long>();

    NativeCache(Path folder) {
        this.folder = folder;
    }

    Path folder() {
        return folder;
    }

    /** Where {@link #extract} puts an entry's file. */
    Path pathOf(NativeIndex.Entry entry) {
        return folder.resolve(entry.sha256()).resolve(entry.file());
    }

    /**
     * The extracted, verified file of an entry, extracting it from {@code source} when the cache lacks it.
     *
     * @throws HashMismatchException when the source's bytes do not have the entry's hash
     * @throws IOException when the file cannot be written
     */
    Path extract(NativeIndex.Entry entry, URL source) throws IOException {
        Path target = pathOf(entry);
        if (isVerified(target, entry.sha256())) {
            return target;
        }
        Files.createDirectories(target.getParent());
        Path temporary = target.resolveSibling(temporaryName(entry.file()));
        try {
            String actual = copy(source, temporary);
            if (!actual.equals(entry.sha256())) {
                throw new HashMismatchException(entry.sha256(), actual);
            }
            makeExecutable(temporary);
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException moveFailed) {
                // Windows refuses to replace a file another process has loaded: the one in place is as good.
                if (!isVerified(target, entry.sha256())) {
                    throw moveFailed;
                }
            }
            verified.put(target, Files.size(target));
            return target;
        } finally {
            deleteIfExists(temporary);
        }
    }

    /** Deletes the temporary file on every path; a failure to delete must not hide why extraction failed. */
    private static void deleteIfExists(Path temporary) {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException nothingMoreToDo) {
            // The folder went read-only or away since the file was created: nobody can delete it now.
        }
    }

    /** Whether the file exists with the expected hash: computed the first time, then trusted while its size holds. */
    private boolean isVerified(Path file, String sha256) throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        long size = Files.size(file);
        Long checkedSize = verified.get(file);
        if (checkedSize != null && checkedSize == size) {
            return true;
        }
        if (!sha256(file).equals(sha256)) {
            return false;
        }
        verified.put(file, size);
        return true;
    }

    /** A name no other thread or process uses: process id, thread id and a random number. */
    private static String temporaryName(String file) {
        return "." + file + "." + processId() + "-" + Thread.currentThread().getId() + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp";
    }

    /** Copies the resource into a new file, returning the SHA-256 of the bytes copied. */
    private static String copy(URL source, Path temporary) throws IOException {
        MessageDigest digest = newDigest();
        URLConnection connection = source.openConnection();
        // No shared jar file handle left open (it would lock the jar on Windows).
        connection.setUseCaches(false);
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = connection.getInputStream();
             OutputStream out = Files.newOutputStream(temporary, StandardOpenOption.CREATE_NEW,
                     StandardOpenOption.WRITE)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        }
        return hex(digest.digest());
    }

    static String sha256(Path file) throws IOException {
        MessageDigest digest = newDigest();
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return hex(digest.digest());
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }

    private static String hex(byte[] bytes) {
        char[] digits = "0123456789abcdef".toCharArray();
        StringBuilder text = new StringBuilder(bytes.length * 2);
        for (byte b : bytes) {
            text.append(digits[(b >> 4) & 0xf]).append(digits[b & 0xf]);
        }
        return text.toString();
    }

    /** Readable and executable by everyone who can reach the folder: some systems map libraries only so. */
    private static void makeExecutable(Path file) {
        // The file is this process's own, so this does not fail where permissions exist; where they do not
        // (Windows), the results mean nothing.
        file.toFile().setReadable(true, false);
        file.toFile().setExecutable(true, false);
    }

    /** This process's id for temporary names: ProcessHandle on Java 9+, the runtime bean's name on Java 8. */
    private static String processId() {
        String id = processId;
        if (id == null) {
            try {
                Class<?> handle = Class.forName("java.lang.ProcessHandle");
                Object current = handle.getMethod("current").invoke(null);
                id = String.valueOf(handle.getMethod("pid").invoke(current));
            } catch (ReflectiveOperationException | LinkageError | RuntimeException java8) {
                try {
                    String name = java.lang.management.ManagementFactory.getRuntimeMXBean().getName();
                    id = name.indexOf('@') > 0 ? name.substring(0, name.indexOf('@')) : "0";
                } catch (LinkageError | RuntimeException noManagement) {
                    id = "0"; // the random part alone keeps names apart
                }
            }
            processId = id;
        }
        return id;
    }


    /** The bytes of a resource do not have the hash the index gives. */
    static final class HashMismatchException extends IOException {
        private static final long serialVersionUID = 1L;

        HashMismatchException(String expected, String actual) {
            super("SHA-256 mismatch: the index gives " + expected + ", the bytes have " + actual);
        }
    }
}
