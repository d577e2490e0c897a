package dev.crossbuild.binary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads a binary of any supported format, choosing the reader by the file's magic bytes. */
public final class Binaries {

    /** Larger files are not libraries or executables this plugin builds; the readers hold files in memory. */
    private static final long MAX_SIZE = Integer.MAX_VALUE - 8;

    private Binaries() {
    }

    public static BinaryFile read(Path path) throws BinaryFormatException {
        return parse(path.toString(), readBytes(path));
    }

    /** Reads an image held in memory; {@code name} is used in messages. */
    public static BinaryFile parse(String name, byte[] content) throws BinaryFormatException {
        ByteSource in = new ByteSource(name, content, Endianness.BIG);
        long magic = content.length >= 4 ? in.u32(0, "magic") : -1;
        if (magic == 0x7f454c46L) {
            return ElfFile.parse(name, content);
        }
        if (content.length >= 2 && in.u16(0, "magic") == 0x4d5a) {
            return PeFile.parse(name, content);
        }
        if (magic == MachOReader.MH_MAGIC || magic == MachOReader.MH_MAGIC_64
                || magic == Long.reverseBytes(MachOReader.MH_MAGIC) >>> 32
                || magic == Long.reverseBytes(MachOReader.MH_MAGIC_64) >>> 32) {
            return MachOFile.parse(name, content);
        }
        if ((magic == MachOReader.FAT_MAGIC || magic == MachOReader.FAT_MAGIC_64) && content.length >= 8) {
            if (in.u32(4, "nfat_arch") <= MachOReader.MAX_FAT_ARCHES) {
                return MachOFile.parse(name, content);
            }
            throw in.error("not an ELF, PE or Mach-O file: a Java class file");
        }
        if (content.length == 0) {
            throw in.error("not an ELF, PE or Mach-O file: the file is empty");
        }
        if (content.length >= 8 && new String(content, 0, 8, StandardCharsets.ISO_8859_1)
                .equals("!<arch>\n")) {
            throw in.error("not an ELF, PE or Mach-O file: a static library (ar archive)");
        }
        StringBuilder first = new StringBuilder("0x");
        for (int i = 0; i < Math.min(8, content.length); i++) {
            first.append(String.format("%02x", content[i] & 0xff));
        }
        throw in.error("not an ELF, PE or Mach-O file: first bytes " + first);
    }

    /** The whole file; unreadable, missing or absurdly large files are a {@link BinaryFormatException} too. */
    static byte[] readBytes(Path path) throws BinaryFormatException {
        try {
            long size = Files.size(path);
            if (size > MAX_SIZE) {
                throw new BinaryFormatException(path.toString(), "is " + size + " bytes, more than this reader handles");
            }
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new BinaryFormatException(path.toString(), "no such file");
        } catch (IOException e) {
            throw new BinaryFormatException(path.toString(), "cannot be read: " + e.getMessage());
        }
    }
}
