package dev.crossbuild.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Damaged ELF files give a {@link BinaryFormatException} that names the file and the field, never an index
 * exception. The base file is {@link ElfFileTest#fullLibrary} (64-bit little-endian), whose sections are:
 * 1 .note.gnu.build-id, 2 .dynstr, 3 .gnu.version_r, 4 .dynamic, 5 .gnu_debuglink, 6 .strtab, 7 .symtab,
 * 8 .debug_info, 9 .shstrtab.
 */
class ElfMalformedTest {

    private static final int E_PHOFF = 32;
    private static final int E_SHOFF = 40;
    private static final int E_SHENTSIZE = 58;
    private static final int E_SHNUM = 60;
    private static final int E_SHSTRNDX = 62;

    private final byte[] bytes = ElfFileTest.fullLibrary(true, ByteOrder.LITTLE_ENDIAN, 183).build();
    private final ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);

    /** File offset of field {@code at} of section header {@code index}. */
    private int sectionField(int index, int at) {
        return (int) buffer.getLong(E_SHOFF) + 64 * index + at;
    }

    private int sectionOffset(int index) {
        return (int) buffer.getLong(sectionField(index, 24));
    }

    private int sectionSize(int index) {
        return (int) buffer.getLong(sectionField(index, 32));
    }

    @Test
    void truncatedHeader() {
        byte[] truncated = Arrays.copyOf(bytes, 20);
        assertEquals("libx.so: ELF header at offset 0x0 (64 bytes) is past the end of the file (20 bytes)",
                assertThrows(BinaryFormatException.class, () -> ElfFile.parse("libx.so", truncated)).getMessage());
    }

    @Test
    void unknownClass() {
        assertMessage(b -> b.put(4, (byte) 3), "libx.so: EI_CLASS is 3, expected 1 (32-bit) or 2 (64-bit)");
    }

    @Test
    void unknownByteOrder() {
        assertMessage(b -> b.put(5, (byte) 0), "libx.so: EI_DATA is 0, expected 1 (little-endian) or 2 (big-endian)");
    }

    @Test
    void notAnElfFileAtAll() {
        byte[] text = "hello world".getBytes(StandardCharsets.US_ASCII);
        assertEquals("a.txt: not an ELF file (no \\x7fELF magic)",
                assertThrows(BinaryFormatException.class, () -> ElfFile.parse("a.txt", text)).getMessage());
    }

    @Test
    void sectionHeaderOffsetWithTheTopBitSet() {
        assertMessage(b -> b.putLong(E_SHOFF, 0xffffffffffffff00L), "libx.so: section header table (e_shoff) at "
                + "offset 0xffffffffffffff00 (640 bytes) is past the end of the file (%d bytes)");
    }

    @Test
    void moreSectionsThanTheFileCanHold() {
        int shoff = (int) buffer.getLong(E_SHOFF);
        assertMessage(b -> b.putShort(E_SHNUM, (short) 0xffff), "libx.so: section header table (e_shoff) at offset 0x"
                + Integer.toHexString(shoff) + " claims 65535 entries of 64 bytes, more than the file (%d bytes) holds");
    }

    @Test
    void sectionNameTableIndexOutOfRange() {
        assertMessage(b -> b.putShort(E_SHSTRNDX, (short) 200), "libx.so: e_shstrndx is 200 but there are only 10 sections");
    }

    @Test
    void sectionHeaderEntriesTooSmall() {
        assertMessage(b -> b.putShort(E_SHENTSIZE, (short) 10), "libx.so: e_shentsize is 10, expected at least 64");
    }

    @Test
    void programHeadersPastTheEnd() {
        assertMessage(b -> b.putLong(E_PHOFF, 0x7fffffffL), "libx.so: program header table (e_phoff) at offset "
                + "0x7fffffff (168 bytes) is past the end of the file (%d bytes)");
    }

    @Test
    void dynamicSectionLinksToAMissingStringTable() {
        assertMessage(b -> b.putInt(sectionField(4, 40), 99),
                "libx.so: section .dynamic links to string table section 99, which does not exist");
    }

    @Test
    void sectionNameOffsetPastTheNameTable() {
        int names = sectionSize(9);
        assertMessage(b -> b.putInt(sectionField(1, 0), 0x7fff), "libx.so: section name offset 32767 is past the end "
                + "of the section name table (" + names + " bytes)");
    }

    @Test
    void neededLibraryNamePastTheStringTable() {
        int dynamic = sectionOffset(4);
        int strings = sectionSize(2);
        assertMessage(b -> b.putLong(dynamic + 8, 5000), "libx.so: DT_NEEDED string offset 5000 is past the end of "
                + "the string table (" + strings + " bytes)");
    }

    @Test
    void noteLongerThanItsSection() {
        int note = sectionOffset(1);
        assertMessage(b -> b.putInt(note + 4, 0x7fffffff), "libx.so: note at offset 0x" + Integer.toHexString(note)
                + " runs past the end of its section");
    }

    @Test
    void absurdVersionNeedCount() {
        int verneed = sectionOffset(3);
        assertMessage(b -> b.putInt(sectionField(3, 44), 0x7fffffff), "libx.so: version needs (SHT_GNU_verneed) at "
                + "offset 0x" + Integer.toHexString(verneed) + " claims 2147483647 entries of 16 bytes, more than the "
                + "file (%d bytes) holds");
    }

    @Test
    void debuglinkWithoutItsCrc() {
        assertMessage(b -> b.putLong(sectionField(5, 32), 17),
                "libx.so: .gnu_debuglink section (17 bytes) ends before the CRC-32 of 'libdemo.so.debug'");
    }

    private void assertMessage(Consumer<ByteBuffer> damage, String expected) {
        damage.accept(buffer);
        BinaryFormatException e = assertThrows(BinaryFormatException.class, () -> Binaries.parse("libx.so", bytes));
        assertEquals(String.format(expected, bytes.length), e.getMessage());
        assertEquals("libx.so", e.file());
    }
}
