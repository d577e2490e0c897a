package dev.crossbuild.binary;

/** One entry of an ELF section header table, with its name resolved. */
record ElfSection(String name, long type, long flags, long offset, long size, long link, long info, long align,
        long entrySize) {

    static final long SHT_SYMTAB = 2;
    static final long SHT_DYNAMIC = 6;
    static final long SHT_NOTE = 7;
    static final long SHT_NOBITS = 8;
    static final long SHT_DYNSYM = 11;
    static final long SHT_GNU_VERNEED = 0x6ffffffeL;
    static final long SHT_GNU_VERSYM = 0x6fffffffL;
    static final long SHF_EXECINSTR = 0x4;

    /** False for {@code SHT_NOBITS}: such a section (.bss, or everything loadable in a debug file) has no bytes. */
    boolean hasContent() {
        return type != SHT_NOBITS;
    }

    /** What to call this section in messages. */
    String label() {
        return "section " + (name.isEmpty() ? "(unnamed)" : name);
    }
}
