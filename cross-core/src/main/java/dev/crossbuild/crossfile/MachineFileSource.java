package dev.crossbuild.crossfile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One machine file as read, before any parsing: the name used in messages (the path as given, or
 * {@code preset:linux-arm64.ini}), its path when it is a real file (Meson's {@code @DIRNAME@} needs it), and its
 * raw bytes. The bytes are decoded strictly as UTF-8 by {@link MachineFile#parse}, so encoding errors are reported
 * with a line like every other error.
 */
public record MachineFileSource(String name, Optional<Path> path, byte[] content) {

    public MachineFileSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        content = content.clone();
    }

    /**
     * Reads a machine file from disk; its name in messages is the path as given. Reads at most one byte more than
     * {@link MachineFileLimits#FILE_BYTES}, so a huge file (or {@code /dev/zero}) fails at once, not out of memory.
     */
    public static MachineFileSource read(Path file) throws CrossFileException {
        String name = file.toString();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] content = in.readNBytes(MachineFileLimits.FILE_BYTES + 1);
            if (content.length > MachineFileLimits.FILE_BYTES) {
                throw tooLarge(name);
            }
            return new MachineFileSource(name, Optional.of(file), content);
        } catch (IOException e) {
            throw CrossFileException.ofFile(name, "cannot read the machine file: " + describe(e));
        }
    }

    /** A machine file that is not on disk (a bundled preset, a test): {@code @DIRNAME@} stays literal in it. */
    public static MachineFileSource of(String name, byte[] content) {
        return new MachineFileSource(name, Optional.empty(), content);
    }

    @Override
    public byte[] content() {
        return content.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MachineFileSource that
                && name.equals(that.name)
                && path.equals(that.path)
                && Arrays.equals(content, that.content);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, path, Arrays.hashCode(content));
    }

    @Override
    public String toString() {
        return "MachineFileSource[" + name + ", " + content.length + " bytes]";
    }

    /** A whole-file problem (line 0): the size is not the fault of any one line. */
    static CrossFileException tooLarge(String name) {
        return CrossFileException.ofFile(name, "the machine file is larger than the limit of "
                + MachineFileLimits.count(MachineFileLimits.FILE_BYTES) + " bytes (1 MiB); machine files are small"
                + " text files (Meson's own are at most a few KB): is this the right file?");
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
