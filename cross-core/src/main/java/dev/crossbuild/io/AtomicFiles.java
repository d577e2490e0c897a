package dev.crossbuild.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files so that a reader never sees half of one: the content goes to a temporary file in the same
 * directory, which is then renamed over the target. An interrupted build leaves either the old file or the new
 * one, never a truncated file that a later build would take as up to date. The file gets the permissions any new
 * file gets (the umask's), as Maven's own outputs do.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /**
     * Writes {@code content} only when the file does not hold it already, so its modification time moves only when
     * its content does (objects that include a generated header do not rebuild for nothing).
     *
     * @return whether the file was written
     */
    public static boolean writeIfChanged(Path target, byte[] content) throws IOException {
        if (Files.isRegularFile(target) && Arrays.equals(Files.readAllBytes(target), content)) {
            return false;
        }
        write(target, content);
        return true;
    }

    public static boolean writeStringIfChanged(Path target, String content) throws IOException {
        return writeIfChanged(target, content.getBytes(StandardCharsets.UTF_8));
    }

    public static void writeString(Path target, String content) throws IOException {
        write(target, content.getBytes(StandardCharsets.UTF_8));
    }

    public static void write(Path target, byte[] content) throws IOException {
        Path directory = target.toAbsolutePath().getParent();
        Folders.createOrExplain(directory);
        Path temporary = temporarySibling(directory, target);
        try {
            Files.write(temporary, content);
            move(temporary, target);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    /**
     * A new empty file in {@code directory} named after {@code target}. Not {@code Files.createTempFile}: its
     * {@code SecureRandom} costs a cold JVM, every build's, some 10 ms to seed, and its file is readable by its owner
     * only, which the renamed output would keep.
     */
    private static Path temporarySibling(Path directory, Path target) throws IOException {
        for (int attempt = 1; ; attempt++) {
            Path candidate = directory.resolve("." + target.getFileName() + "."
                    + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
            try {
                return Files.createFile(candidate);
            } catch (FileAlreadyExistsException taken) {
                if (attempt == 100) {
                    throw taken;
                }
            }
        }
    }

    /**
     * Renames {@code from} over {@code to} (creating its folder), atomically where the file system can: a file
     * finished under a temporary name appears under its real name whole or not at all.
     */
    public static void move(Path from, Path to) throws IOException {
        Path parent = to.toAbsolutePath().getParent();
        if (parent != null) {
            Folders.createOrExplain(parent);
        }
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
