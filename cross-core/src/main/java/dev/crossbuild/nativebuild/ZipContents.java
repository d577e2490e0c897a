package dev.crossbuild.nativebuild;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Enumeration;
import java.util.Map;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * The reproducible archives native-link writes ({@link NativeJar}, {@link DevArtifact}): entries in the given order,
 * each with the same fixed time, and written only when the archive does not hold exactly these entries already, so a
 * build with nothing new reads the files but compresses nothing.
 */
final class ZipContents {

    /** DOS time cannot go below 1980; Maven's reproducible builds use the same fixed instant. */
    static final LocalDateTime TIMESTAMP = LocalDateTime.of(1980, 2, 1, 0, 0);

    private ZipContents() {
    }

    /**
     * The archive of {@code contents} (name -> bytes; {@code null}: a folder), or empty when {@code zip} holds exactly
     * these entries already.
     *
     * @param jar written as a jar ({@code JarOutputStream}: its first entry marks the file as one), else a plain zip
     */
    static Optional<byte[]> unlessHeld(Path zip, Map<String, byte[]> contents, boolean jar) throws IOException {
        if (holds(zip, contents)) {
            return Optional.empty();
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = jar ? new JarOutputStream(bytes) : new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : contents.entrySet()) {
                ZipEntry zipEntry = jar ? new JarEntry(entry.getKey()) : new ZipEntry(entry.getKey());
                zipEntry.setTimeLocal(TIMESTAMP);
                out.putNextEntry(zipEntry);
                if (entry.getValue() != null) {
                    out.write(entry.getValue());
                }
                out.closeEntry();
            }
        }
        return Optional.of(bytes.toByteArray());
    }

    /**
     * Whether {@code zip} exists and holds exactly {@code contents} (a {@code null} value: a folder): the same entry
     * names in the same order, each with the same size and CRC-32. A file that cannot be read as a zip does not.
     */
    static boolean holds(Path zip, Map<String, byte[]> contents) {
        if (!Files.isRegularFile(zip)) {
            return false;
        }
        try (ZipFile file = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> present = file.entries();
            CRC32 crc = new CRC32();
            for (Map.Entry<String, byte[]> expected : contents.entrySet()) {
                if (!present.hasMoreElements()) {
                    return false;
                }
                ZipEntry entry = present.nextElement();
                byte[] content = expected.getValue() == null ? new byte[0] : expected.getValue();
                crc.reset();
                crc.update(content);
                if (!entry.getName().equals(expected.getKey()) || entry.getSize() != content.length
                        || entry.getCrc() != crc.getValue()) {
                    return false;
                }
            }
            return !present.hasMoreElements();
        } catch (IOException | RuntimeException unreadable) {
            return false; // written again
        }
    }
}
