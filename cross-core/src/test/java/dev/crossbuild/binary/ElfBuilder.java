package dev.crossbuild.binary;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes small ELF files by the System V ABI layout, for tests that must not depend on an installed toolchain and
 * for corrupting chosen fields. Layout: ELF header, three program headers (one PT_LOAD mapping the whole file at
 * address = offset, PT_DYNAMIC, PT_INTERP), the sections in the order added, {@code .shstrtab}, and the section
 * header table. Section addresses equal their offsets, so dynamic-table addresses are file offsets too.
 */
final class ElfBuilder {

    static final int SHT_PROGBITS = 1;
    static final int SHT_SYMTAB = 2;
    static final int SHT_STRTAB = 3;
    static final int SHT_DYNAMIC = 6;
    static final int SHT_NOTE = 7;
    static final int SHT_NOBITS = 8;
    static final int SHT_GNU_VERNEED = 0x6ffffffe;

    private record Section(String name, int type, long offset, byte[] content, int link, int info, int align,
            int entrySize) {
    }

    private final boolean is64;
    private final ByteOrder order;
    private final int machine;
    private final int type;
    private long flags;
    private int osAbi;
    private final List<Section> sections = new ArrayList<>();
    private long end;
    private long dynamicOffset = -1;
    private long dynamicSize;
    private long interpOffset = -1;
    private long interpSize;

    ElfBuilder(boolean is64, ByteOrder order, int machine, int type) {
        this.is64 = is64;
        this.order = order;
        this.machine = machine;
        this.type = type;
        this.end = headerSize() + 3L * phEntrySize();
    }

    ElfBuilder flags(long value) {
        flags = value;
        return this;
    }

    ElfBuilder osAbi(int value) {
        osAbi = value;
        return this;
    }

    /** Adds a section after the previous one; returns its index (0 is the null section). */
    int section(String name, int sectionType, byte[] content, int link, int info, int align, int entrySize) {
        end = (end + align - 1) / align * align;
        sections.add(new Section(name, sectionType, end, content, link, info, align, entrySize));
        if (sectionType != SHT_NOBITS) {
            end += content.length;
        }
        return sections.size();
    }

    ElfBuilder interpreter(String path) {
        byte[] text = (path + "\0").getBytes(StandardCharsets.UTF_8);
        section(".interp", SHT_PROGBITS, text, 0, 0, 1, 0);
        interpOffset = sections.get(sections.size() - 1).offset();
        interpSize = text.length;
        return this;
    }

    /** {@code .dynstr}, {@code .gnu.version_r} and {@code .dynamic} with NEEDED, SONAME, RUNPATH, VERNEED, FLAGS_1. */
    ElfBuilder dynamic(List<String> needed, String soname, String runpath, Map<String, List<String>> versions,
            long flags1) {
        ByteArrayOutputStream strings = new ByteArrayOutputStream();
        strings.write(0);
        List<long[]> entries = new ArrayList<>();
        for (String library : needed) {
            entries.add(new long[] {1, add(strings, library)});
        }
        if (soname != null) {
            entries.add(new long[] {14, add(strings, soname)});
        }
        if (runpath != null) {
            entries.add(new long[] {29, add(strings, runpath)});
        }
        ByteBuffer verneed = buffer(16 * (versions.size() + versions.values().stream().mapToInt(List::size).sum()));
        int index = 0;
        for (Map.Entry<String, List<String>> need : versions.entrySet()) {
            index++;
            int auxCount = need.getValue().size();
            boolean last = index == versions.size();
            verneed.putShort((short) 1).putShort((short) auxCount).putInt(add(strings, need.getKey())).putInt(16)
                    .putInt(last ? 0 : 16 + 16 * auxCount);
            for (int j = 0; j < auxCount; j++) {
                verneed.putInt(0).putShort((short) 0).putShort((short) (j + 2))
                        .putInt(add(strings, need.getValue().get(j))).putInt(j == auxCount - 1 ? 0 : 16);
            }
        }
        int dynstr = section(".dynstr", SHT_STRTAB, strings.toByteArray(), 0, 0, 1, 0);
        long dynstrOffset = sections.get(dynstr - 1).offset();
        entries.add(new long[] {5, dynstrOffset});
        entries.add(new long[] {10, strings.size()});
        if (!versions.isEmpty()) {
            section(".gnu.version_r", SHT_GNU_VERNEED, verneed.array(), dynstr, versions.size(), 4, 0);
            entries.add(new long[] {0x6ffffffeL, sections.get(sections.size() - 1).offset()});
            entries.add(new long[] {0x6fffffffL, versions.size()});
        }
        if (flags1 != 0) {
            entries.add(new long[] {0x6ffffffbL, flags1});
        }
        entries.add(new long[] {0, 0});
        ByteBuffer table = buffer(entries.size() * (is64 ? 16 : 8));
        for (long[] e : entries) {
            word(table, e[0]);
            word(table, e[1]);
        }
        section(".dynamic", SHT_DYNAMIC, table.array(), dynstr, 0, 8, is64 ? 16 : 8);
        dynamicOffset = sections.get(sections.size() - 1).offset();
        dynamicSize = table.capacity();
        return this;
    }

    ElfBuilder buildId(byte[] id) {
        ByteBuffer note = buffer(16 + id.length);
        note.putInt(4).putInt(id.length).putInt(3).put("GNU\0".getBytes(StandardCharsets.US_ASCII)).put(id);
        section(".note.gnu.build-id", SHT_NOTE, note.array(), 0, 0, 4, 0);
        return this;
    }

    ElfBuilder debugLink(String file, int crc) {
        byte[] name = (file + "\0").getBytes(StandardCharsets.UTF_8);
        ByteBuffer link = buffer((name.length + 3) / 4 * 4 + 4);
        link.put(name).position(link.capacity() - 4);
        link.putInt(crc);
        section(".gnu_debuglink", SHT_PROGBITS, link.array(), 0, 0, 4, 0);
        return this;
    }

    ElfBuilder symbolTable() {
        int strtab = section(".strtab", SHT_STRTAB, new byte[] {0}, 0, 0, 1, 0);
        section(".symtab", SHT_SYMTAB, new byte[is64 ? 24 : 16], strtab, 1, 8, is64 ? 24 : 16);
        return this;
    }

    ElfBuilder debugInfo() {
        section(".debug_info", SHT_PROGBITS, new byte[] {1, 2, 3, 4}, 0, 0, 1, 0);
        return this;
    }

    byte[] build() {
        return build(true);
    }

    /** Without section headers the file looks like the output of {@code sstrip}: only the loader's view remains. */
    byte[] build(boolean withSectionHeaders) {
        ByteArrayOutputStream names = new ByteArrayOutputStream();
        names.write(0);
        int[] nameOffsets = new int[sections.size() + 1];
        for (int i = 0; i < sections.size(); i++) {
            nameOffsets[i] = add(names, sections.get(i).name());
        }
        nameOffsets[sections.size()] = add(names, ".shstrtab");
        long shstrtab = end;
        long table = (shstrtab + names.size() + 7) / 8 * 8;
        int count = sections.size() + 2;
        long size = withSectionHeaders ? table + (long) count * shEntrySize() : shstrtab;
        ByteBuffer out = buffer((int) size);
        out.put(new byte[] {0x7f, 'E', 'L', 'F', (byte) (is64 ? 2 : 1), (byte) (order == ByteOrder.LITTLE_ENDIAN ? 1 : 2),
            1, (byte) osAbi});
        out.position(16);
        out.putShort((short) type).putShort((short) machine).putInt(1);
        word(out, 0);
        word(out, headerSize());
        word(out, withSectionHeaders ? table : 0);
        out.putInt((int) flags).putShort((short) headerSize()).putShort((short) phEntrySize()).putShort((short) 3)
                .putShort((short) shEntrySize()).putShort((short) (withSectionHeaders ? count : 0))
                .putShort((short) (withSectionHeaders ? count - 1 : 0));
        programHeader(out, 1, 0, shstrtab);
        programHeader(out, dynamicOffset < 0 ? 6 : 2, Math.max(dynamicOffset, 0), dynamicSize);
        programHeader(out, interpOffset < 0 ? 6 : 3, Math.max(interpOffset, 0), interpSize);
        for (Section s : sections) {
            if (s.type() != SHT_NOBITS) {
                out.put((int) s.offset(), s.content());
            }
        }
        if (withSectionHeaders) {
            out.put((int) shstrtab, names.toByteArray());
            out.position((int) table + shEntrySize());
            for (int i = 0; i < sections.size(); i++) {
                Section s = sections.get(i);
                sectionHeader(out, nameOffsets[i], s.type(), s.offset(), s.content().length, s.link(), s.info(),
                        s.align(), s.entrySize());
            }
            sectionHeader(out, nameOffsets[sections.size()], SHT_STRTAB, shstrtab, names.size(), 0, 0, 1, 0);
        }
        return out.array();
    }

    /** Offset of field {@code e_shoff} etc. for tests that corrupt the header. */
    int headerSize() {
        return is64 ? 64 : 52;
    }

    int phEntrySize() {
        return is64 ? 56 : 32;
    }

    int shEntrySize() {
        return is64 ? 64 : 40;
    }

    private void programHeader(ByteBuffer out, int segmentType, long offset, long fileSize) {
        out.putInt(segmentType);
        if (is64) {
            out.putInt(5).putLong(offset).putLong(offset).putLong(offset).putLong(fileSize).putLong(fileSize)
                    .putLong(8);
        } else {
            out.putInt((int) offset).putInt((int) offset).putInt((int) offset).putInt((int) fileSize)
                    .putInt((int) fileSize).putInt(5).putInt(4);
        }
    }

    private void sectionHeader(ByteBuffer out, int name, int sectionType, long offset, long size, int link, int info,
            int align, int entrySize) {
        out.putInt(name).putInt(sectionType);
        word(out, 0);
        word(out, offset);
        word(out, offset);
        word(out, size);
        out.putInt(link).putInt(info);
        word(out, align);
        word(out, entrySize);
    }

    private void word(ByteBuffer out, long value) {
        if (is64) {
            out.putLong(value);
        } else {
            out.putInt((int) value);
        }
    }

    private ByteBuffer buffer(int size) {
        return ByteBuffer.allocate(size).order(order);
    }

    private static int add(ByteArrayOutputStream strings, String text) {
        int offset = strings.size();
        strings.writeBytes((text + "\0").getBytes(StandardCharsets.UTF_8));
        return offset;
    }
}
