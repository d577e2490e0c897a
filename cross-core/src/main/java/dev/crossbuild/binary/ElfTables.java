package dev.crossbuild.binary;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the section and program header tables of an ELF file, with the extended numbering of section 0. */
record ElfTables(List<ElfSection> sections, List<ElfSegment> segments) {

    private static final int SHN_XINDEX = 0xffff;

    Optional<ElfSection> section(String name) {
        return sections.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    List<ElfSection> sectionsOfType(long type) {
        return sections.stream().filter(s -> s.type() == type).toList();
    }

    List<ElfSegment> segmentsOfType(long type) {
        return segments.stream().filter(s -> s.type() == type).toList();
    }

    /** File offset of a virtual address, through the PT_LOAD segments (what the dynamic loader does). */
    long offsetOf(long address, ByteSource in, String what) throws BinaryFormatException {
        for (ElfSegment segment : segments) {
            if (segment.contains(address)) {
                return segment.offset() + (address - segment.address());
            }
        }
        throw in.error(what + " " + ByteSource.hex(address) + " is not inside any PT_LOAD segment");
    }

    static ElfTables read(ByteSource in, boolean is64) throws BinaryFormatException {
        return new ElfTables(readSections(in, is64), readSegments(in, is64));
    }

    private static List<ElfSegment> readSegments(ByteSource in, boolean is64) throws BinaryFormatException {
        long tableOffset = in.word(is64 ? 32 : 28, is64, "e_phoff");
        int entrySize = in.u16(is64 ? 54 : 42, "e_phentsize");
        int count = in.u16(is64 ? 56 : 44, "e_phnum");
        if (count == 0) {
            return List.of();
        }
        requireEntrySize(in, "e_phentsize", entrySize, is64 ? 56 : 32);
        in.checkTable(tableOffset, count, entrySize, "program header table (e_phoff)");
        List<ElfSegment> segments = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long at = tableOffset + (long) i * entrySize;
            String what = "program header " + i;
            long type = in.u32(at, what);
            segments.add(is64
                    ? new ElfSegment(type, in.u32(at + 4, what), in.u64(at + 8, what), in.u64(at + 16, what),
                            in.u64(at + 32, what))
                    : new ElfSegment(type, in.u32(at + 24, what), in.u32(at + 4, what), in.u32(at + 8, what),
                            in.u32(at + 16, what)));
        }
        return List.copyOf(segments);
    }

    private static List<ElfSection> readSections(ByteSource in, boolean is64) throws BinaryFormatException {
        long tableOffset = in.word(is64 ? 40 : 32, is64, "e_shoff");
        int entrySize = in.u16(is64 ? 58 : 46, "e_shentsize");
        long count = in.u16(is64 ? 60 : 48, "e_shnum");
        int namesIndex = in.u16(is64 ? 62 : 50, "e_shstrndx");
        if (tableOffset == 0) {
            return List.of();
        }
        requireEntrySize(in, "e_shentsize", entrySize, is64 ? 64 : 40);
        in.checkTable(tableOffset, Math.max(count, 1), entrySize, "section header table (e_shoff)");
        List<long[]> raw = new ArrayList<>();
        raw.add(rawSection(in, is64, tableOffset, 0));
        // More than 0xff00 sections: e_shnum is 0 and section 0 holds the count (sh_size) and the name index (sh_link).
        if (count == 0) {
            count = raw.get(0)[3];
        }
        long names = namesIndex == SHN_XINDEX ? raw.get(0)[4] : namesIndex;
        in.checkTable(tableOffset, count, entrySize, "section header table (e_shoff)");
        for (int i = 1; i < count; i++) {
            raw.add(rawSection(in, is64, tableOffset + (long) i * entrySize, i));
        }
        long[] nameTable = null;
        if (names != 0) {
            if (names >= count) {
                throw in.error("e_shstrndx is " + names + " but there are only " + count + " sections");
            }
            nameTable = raw.get((int) names);
            in.check(nameTable[2], nameTable[3], "section name table (e_shstrndx " + names + ")");
        }
        List<ElfSection> sections = new ArrayList<>(raw.size());
        for (long[] s : raw) {
            String name = "";
            if (nameTable != null) {
                if (s[0] >= nameTable[3]) {
                    throw in.error("section name offset " + s[0] + " is past the end of the section name table ("
                            + nameTable[3] + " bytes)");
                }
                name = in.cString(nameTable[2] + s[0], nameTable[2] + nameTable[3], "section name");
            }
            sections.add(new ElfSection(name, s[1], s[8], s[2], s[3], s[4], s[5], s[6], s[7]));
        }
        return List.copyOf(sections);
    }

    /** {name, type, offset, size, link, info, align, entsize, flags} of one section header. */
    private static long[] rawSection(ByteSource in, boolean is64, long at, int index) throws BinaryFormatException {
        String what = "section header " + index;
        if (is64) {
            return new long[] {in.u32(at, what), in.u32(at + 4, what), in.u64(at + 24, what), in.u64(at + 32, what),
                in.u32(at + 40, what), in.u32(at + 44, what), in.u64(at + 48, what), in.u64(at + 56, what),
                in.u64(at + 8, what)};
        }
        return new long[] {in.u32(at, what), in.u32(at + 4, what), in.u32(at + 16, what), in.u32(at + 20, what),
            in.u32(at + 24, what), in.u32(at + 28, what), in.u32(at + 32, what), in.u32(at + 36, what),
            in.u32(at + 8, what)};
    }

    private static void requireEntrySize(ByteSource in, String field, int actual, int expected)
            throws BinaryFormatException {
        if (actual < expected) {
            throw in.error(field + " is " + actual + ", expected at least " + expected);
        }
    }
}
