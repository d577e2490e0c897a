package dev.crossbuild.binary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;

/**
 * Reads the dynamic table and the version needs. With section headers (every file a toolchain writes) the
 * sections say where things are: {@code .dynamic} and its string table ({@code sh_link}), {@code SHT_GNU_verneed};
 * a {@code SHT_NOBITS} {@code .dynamic} (a file made by {@code objcopy --only-keep-debug}) means there is nothing
 * to read. Without section headers the loader's view is used: {@code PT_DYNAMIC}, with {@code DT_STRTAB} and
 * {@code DT_VERNEED} addresses mapped through the {@code PT_LOAD} segments.
 */
final class ElfDynamicReader {

    private static final long DT_NULL = 0;
    private static final long DT_NEEDED = 1;
    private static final long DT_STRTAB = 5;
    private static final long DT_STRSZ = 10;
    private static final long DT_SONAME = 14;
    private static final long DT_RPATH = 15;
    private static final long DT_TEXTREL = 22;
    private static final long DT_RUNPATH = 29;
    private static final long DT_FLAGS = 30;
    private static final long DT_FLAGS_1 = 0x6ffffffbL;
    private static final long DT_VERNEED = 0x6ffffffeL;
    private static final long DT_VERNEEDNUM = 0x6fffffffL;

    private final ByteSource in;
    private final boolean is64;
    private final ElfTables tables;

    private record Region(long offset, long size) {
    }

    private ElfDynamicReader(ByteSource in, boolean is64, ElfTables tables) {
        this.in = in;
        this.is64 = is64;
        this.tables = tables;
    }

    static ElfDynamic read(ByteSource in, boolean is64, ElfTables tables) throws BinaryFormatException {
        return new ElfDynamicReader(in, is64, tables).read();
    }

    private ElfDynamic read() throws BinaryFormatException {
        Optional<ElfSection> section = tables.sectionsOfType(ElfSection.SHT_DYNAMIC).stream().findFirst();
        boolean useSections = !tables.sections().isEmpty();
        Region table;
        if (useSections) {
            if (section.isEmpty() || !section.get().hasContent()) {
                return ElfDynamic.NONE;
            }
            table = new Region(section.get().offset(), section.get().size());
        } else {
            List<ElfSegment> segments = tables.segmentsOfType(ElfSegment.PT_DYNAMIC);
            if (segments.isEmpty()) {
                return ElfDynamic.NONE;
            }
            table = new Region(segments.get(0).offset(), segments.get(0).fileSize());
        }
        List<long[]> entries = entries(table);
        Region strings = useSections ? linkedStrings(section.get()) : mapped(entries, DT_STRTAB, DT_STRSZ);
        List<String> needed = new ArrayList<>();
        Optional<String> soname = Optional.empty();
        Optional<String> runpath = Optional.empty();
        Optional<String> rpath = Optional.empty();
        long flags = 0;
        long flags1 = 0;
        boolean textrel = false;
        for (long[] entry : entries) {
            long tag = entry[0];
            if (tag == DT_NEEDED) {
                needed.add(string(strings, entry[1], "DT_NEEDED"));
            } else if (tag == DT_SONAME) {
                soname = Optional.of(string(strings, entry[1], "DT_SONAME"));
            } else if (tag == DT_RUNPATH) {
                runpath = Optional.of(string(strings, entry[1], "DT_RUNPATH"));
            } else if (tag == DT_RPATH) {
                rpath = Optional.of(string(strings, entry[1], "DT_RPATH"));
            } else if (tag == DT_FLAGS) {
                flags = entry[1];
            } else if (tag == DT_FLAGS_1) {
                flags1 = entry[1];
            } else if (tag == DT_TEXTREL) {
                textrel = true;
            }
        }
        return new ElfDynamic(needed, soname, runpath, rpath, flags1, ElfVersionNeeds.byFile(versionNeeds(entries)),
                flags, textrel);
    }

    /** {tag, value} pairs up to {@code DT_NULL}. */
    private List<long[]> entries(Region table) throws BinaryFormatException {
        int entrySize = is64 ? 16 : 8;
        in.check(table.offset(), table.size(), "dynamic table");
        List<long[]> entries = new ArrayList<>();
        for (long at = table.offset(); at + entrySize <= table.offset() + table.size(); at += entrySize) {
            long tag = in.word(at, is64, "dynamic entry");
            if (tag == DT_NULL) {
                break;
            }
            entries.add(new long[] {tag, in.word(at + entrySize / 2, is64, "dynamic entry")});
        }
        return entries;
    }

    private List<ElfVersionNeeds.Need> versionNeeds(List<long[]> entries) throws BinaryFormatException {
        long start;
        long count;
        Region strings;
        if (!tables.sections().isEmpty()) {
            Optional<ElfSection> section = tables.sectionsOfType(ElfSection.SHT_GNU_VERNEED).stream().findFirst();
            if (section.isEmpty() || !section.get().hasContent()) {
                return List.of();
            }
            start = section.get().offset();
            count = section.get().info();
            strings = linkedStrings(section.get());
        } else {
            Optional<Long> address = value(entries, DT_VERNEED);
            if (address.isEmpty()) {
                return List.of();
            }
            start = tables.offsetOf(address.get(), in, "DT_VERNEED");
            count = value(entries, DT_VERNEEDNUM).orElse(0L);
            strings = mapped(entries, DT_STRTAB, DT_STRSZ);
        }
        return ElfVersionNeeds.read(in, start, count, name -> string(strings, name, "version need"));
    }

    /**
     * The version needs of a file with section headers, empty without them: what the symbol version table's indices
     * refer to.
     */
    static List<ElfVersionNeeds.Need> sectionVersionNeeds(ByteSource in, boolean is64, ElfTables tables)
            throws BinaryFormatException {
        return tables.sections().isEmpty() ? List.of() : new ElfDynamicReader(in, is64, tables).versionNeeds(List.of());
    }

    private Region linkedStrings(ElfSection section) throws BinaryFormatException {
        List<ElfSection> sections = tables.sections();
        if (section.link() <= 0 || section.link() >= sections.size()) {
            throw in.error(section.label() + " links to string table section " + section.link()
                    + ", which does not exist");
        }
        ElfSection strings = sections.get((int) section.link());
        in.check(strings.offset(), strings.size(), strings.label());
        return new Region(strings.offset(), strings.size());
    }

    private Region mapped(List<long[]> entries, long addressTag, long sizeTag) throws BinaryFormatException {
        Optional<Long> address = value(entries, addressTag);
        if (address.isEmpty()) {
            throw in.error("the dynamic table has no DT_STRTAB");
        }
        long offset = tables.offsetOf(address.get(), in, "DT_STRTAB");
        long size = value(entries, sizeTag).orElse(in.size() - offset);
        in.check(offset, size, "dynamic string table");
        return new Region(offset, size);
    }

    private static Optional<Long> value(List<long[]> entries, long tag) {
        return entries.stream().filter(e -> e[0] == tag).map(e -> e[1]).findFirst();
    }

    private String string(Region strings, long index, String what) throws BinaryFormatException {
        if (index < 0 || index >= strings.size()) {
            throw in.error(what + " string offset " + index + " is past the end of the string table ("
                    + strings.size() + " bytes)");
        }
        return in.cString(strings.offset() + index, strings.offset() + strings.size(), what);
    }
}
