package dev.crossbuild.binary;

import java.nio.charset.StandardCharsets;

/**
 * Bounds-checked little- or big-endian reads over a whole file held in memory. Offsets and lengths are
 * {@code long} so that a bogus 64-bit header field cannot overflow into a valid-looking index; every read outside
 * the file becomes a {@link BinaryFormatException} that says what was being read.
 */
final class ByteSource {

    private final String file;
    private final byte[] bytes;
    private final Endianness order;

    ByteSource(String file, byte[] bytes, Endianness order) {
        this.file = file;
        this.bytes = bytes;
        this.order = order;
    }

    ByteSource withOrder(Endianness newOrder) {
        return newOrder == order ? this : new ByteSource(file, bytes, newOrder);
    }

    String file() {
        return file;
    }

    long size() {
        return bytes.length;
    }

    Endianness order() {
        return order;
    }

    BinaryFormatException error(String problem) {
        return new BinaryFormatException(file, problem);
    }

    /** Fails unless {@code [offset, offset + length)} lies inside the file. */
    void check(long offset, long length, String what) throws BinaryFormatException {
        if (offset < 0 || length < 0 || offset > bytes.length - length) {
            throw error(what + " at offset " + hex(offset) + " (" + Long.toUnsignedString(length)
                    + " bytes) is past the end of the file (" + bytes.length + " bytes)");
        }
    }

    /** Fails unless {@code count} entries of {@code entrySize} bytes from {@code offset} lie inside the file. */
    void checkTable(long offset, long count, long entrySize, String what) throws BinaryFormatException {
        if (count < 0 || (entrySize > 0 && count > bytes.length / entrySize)) {
            throw error(what + " at offset " + hex(offset) + " claims " + Long.toUnsignedString(count)
                    + " entries of " + entrySize + " bytes, more than the file (" + bytes.length + " bytes) holds");
        }
        check(offset, count * entrySize, what);
    }

    int u8(long offset, String what) throws BinaryFormatException {
        check(offset, 1, what);
        return bytes[(int) offset] & 0xff;
    }

    int u16(long offset, String what) throws BinaryFormatException {
        return (int) unsigned(offset, 2, what);
    }

    long u32(long offset, String what) throws BinaryFormatException {
        return unsigned(offset, 4, what);
    }

    /** A 64-bit field; values above {@code Long.MAX_VALUE} come back negative and fail any later bounds check. */
    long u64(long offset, String what) throws BinaryFormatException {
        return unsigned(offset, 8, what);
    }

    /** A 32- or 64-bit address/offset field (ELF's {@code ElfN_Addr}, {@code ElfN_Off}). */
    long word(long offset, boolean is64, String what) throws BinaryFormatException {
        return is64 ? u64(offset, what) : u32(offset, what);
    }

    byte[] bytes(long offset, long length, String what) throws BinaryFormatException {
        check(offset, length, what);
        byte[] copy = new byte[(int) length];
        System.arraycopy(bytes, (int) offset, copy, 0, (int) length);
        return copy;
    }

    /** A NUL-terminated string starting at {@code offset}, which must end before {@code limit} and the file's end. */
    String cString(long offset, long limit, String what) throws BinaryFormatException {
        check(offset, 0, what);
        long end = Math.min(limit, bytes.length);
        for (long i = offset; i < end; i++) {
            if (bytes[(int) i] == 0) {
                return new String(bytes, (int) offset, (int) (i - offset), StandardCharsets.UTF_8);
            }
        }
        throw error(what + " at offset " + hex(offset) + " is not NUL-terminated");
    }

    /** A fixed-size, NUL-padded name such as a PE section name or a Mach-O segment name. */
    String fixedString(long offset, int length, String what) throws BinaryFormatException {
        check(offset, length, what);
        int end = (int) offset;
        while (end < offset + length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, (int) offset, end - (int) offset, StandardCharsets.ISO_8859_1);
    }

    private long unsigned(long offset, int width, String what) throws BinaryFormatException {
        check(offset, width, what);
        long value = 0;
        for (int i = 0; i < width; i++) {
            int index = (int) offset + (order == Endianness.LITTLE ? width - 1 - i : i);
            value = (value << 8) | (bytes[index] & 0xff);
        }
        return value;
    }

    static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }
}
