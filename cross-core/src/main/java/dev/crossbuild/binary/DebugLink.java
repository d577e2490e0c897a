package dev.crossbuild.binary;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.CRC32;

/**
 * A {@code .gnu_debuglink} section: the file name of the separate debug file, and the CRC-32 of that file's
 * contents (zlib's CRC-32, which is what GDB computes), stored in the binary's byte order after the NUL-padded name.
 * ELF and PE (mingw) use the same layout.
 */
public record DebugLink(String fileName, long crc32) {

    /** True when {@code debugFile}'s bytes have this link's CRC-32. */
    public boolean matches(Path debugFile) throws BinaryFormatException {
        return crc32Of(Binaries.readBytes(debugFile)) == crc32;
    }

    public static long crc32Of(byte[] content) {
        CRC32 crc = new CRC32();
        crc.update(content);
        return crc.getValue();
    }

    /** {@code libdemo.so.debug (crc 0x1234abcd)}. */
    @Override
    public String toString() {
        return fileName + " (crc " + String.format("0x%08x", crc32) + ")";
    }

    static DebugLink read(ByteSource in, long offset, long size) throws BinaryFormatException {
        in.check(offset, size, ".gnu_debuglink section");
        String name = in.cString(offset, offset + size, ".gnu_debuglink file name");
        long crcOffset = (name.getBytes(StandardCharsets.UTF_8).length + 1 + 3) & ~3L;
        if (crcOffset + 4 > size) {
            throw in.error(".gnu_debuglink section (" + size + " bytes) ends before the CRC-32 of '" + name + "'");
        }
        return new DebugLink(name, in.u32(offset + crcOffset, ".gnu_debuglink CRC-32"));
    }
}
