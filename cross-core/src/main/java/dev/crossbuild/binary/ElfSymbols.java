package dev.crossbuild.binary;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads symbol tables. {@link #exported}: the names a shared object exports, defined {@code .dynsym} entries with
 * global, weak or unique binding and default or protected visibility (what {@code nm -D --defined-only} lists, minus
 * section and file symbols), used to check that JNI entry points such as {@code Java_dev_demo_Native_add} made it
 * into a library. {@link #undefined}: what a file needs from elsewhere, with symbol versions for linked files.
 */
final class ElfSymbols {

    private static final int STB_GLOBAL = 1;
    private static final int STB_WEAK = 2;
    private static final int STB_GNU_UNIQUE = 10;
    private static final int STT_SECTION = 3;
    private static final int STT_FILE = 4;
    /** The version index of a symbol without a version ({@code *local*} 0, {@code *global*} 1). */
    private static final int VER_NDX_GLOBAL = 1;

    /** One raw symbol table entry. */
    private record Entry(long name, int binding, int type, int visibility, int sectionIndex) {
    }

    private ElfSymbols() {
    }

    static List<String> exported(ByteSource in, boolean is64, ElfTables tables) throws BinaryFormatException {
        Optional<ElfSection> dynsym = table(tables, ElfSection.SHT_DYNSYM);
        if (dynsym.isEmpty()) {
            return List.of();
        }
        ElfSection strings = strings(in, tables, dynsym.get());
        List<String> names = new ArrayList<>();
        for (Entry e : entries(in, is64, dynsym.get())) {
            boolean visible = (e.binding == STB_GLOBAL || e.binding == STB_WEAK || e.binding == STB_GNU_UNIQUE)
                    && (e.visibility == 0 || e.visibility == 3);
            if (visible && e.sectionIndex != 0 && e.type != STT_SECTION && e.type != STT_FILE && e.name != 0) {
                names.add(name(in, strings, e.name));
            }
        }
        return List.copyOf(names);
    }

    /**
     * The undefined global and weak symbols, in table order: of {@code .symtab} for a relocatable object (no
     * versions), else of {@code .dynsym}, each with the version {@code .gnu.version} gives it and the library of
     * that version ({@code SHT_GNU_verneed}). Empty without section headers.
     */
    static List<ElfSymbolReference> undefined(ByteSource in, boolean is64, ElfTables tables, boolean relocatable)
            throws BinaryFormatException {
        Optional<ElfSection> table = table(tables, relocatable ? ElfSection.SHT_SYMTAB : ElfSection.SHT_DYNSYM);
        if (table.isEmpty()) {
            return List.of();
        }
        ElfSection symbols = table.get();
        ElfSection strings = strings(in, tables, symbols);
        List<Entry> entries = entries(in, is64, symbols);
        int[] versionIndex = relocatable ? new int[0] : versionIndex(in, tables, symbols, entries.size());
        Map<Integer, ElfVersionNeeds.Need> needs = new HashMap<>();
        if (!relocatable) {
            for (ElfVersionNeeds.Need need : ElfDynamicReader.sectionVersionNeeds(in, is64, tables)) {
                needs.put(need.index(), need);
            }
        }
        List<ElfSymbolReference> undefined = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            if (e.sectionIndex != 0 || e.name == 0 || (e.binding != STB_GLOBAL && e.binding != STB_WEAK)) {
                continue;
            }
            // entries() skips entry 0, the null symbol: entry i is symbol i + 1 of the version table
            int index = i + 1 < versionIndex.length ? versionIndex[i + 1] & 0x7fff : VER_NDX_GLOBAL;
            Optional<ElfVersionNeeds.Need> need = Optional.ofNullable(needs.get(index));
            undefined.add(new ElfSymbolReference(name(in, strings, e.name), need.map(ElfVersionNeeds.Need::version),
                    need.map(ElfVersionNeeds.Need::file), e.binding == STB_WEAK));
        }
        return List.copyOf(undefined);
    }

    private static Optional<ElfSection> table(ElfTables tables, long type) {
        return tables.sectionsOfType(type).stream().filter(ElfSection::hasContent).findFirst();
    }

    private static ElfSection strings(ByteSource in, ElfTables tables, ElfSection symbols) throws BinaryFormatException {
        if (symbols.link() <= 0 || symbols.link() >= tables.sections().size()) {
            throw in.error(symbols.label() + " links to string table section " + symbols.link()
                    + ", which does not exist");
        }
        ElfSection strings = tables.sections().get((int) symbols.link());
        in.check(strings.offset(), strings.size(), strings.label());
        return strings;
    }

    /** Every entry but the first (the null symbol). */
    private static List<Entry> entries(ByteSource in, boolean is64, ElfSection symbols) throws BinaryFormatException {
        long entrySize = Math.max(symbols.entrySize(), is64 ? 24 : 16);
        in.check(symbols.offset(), symbols.size(), symbols.label());
        List<Entry> entries = new ArrayList<>();
        for (long at = symbols.offset() + entrySize; at + entrySize <= symbols.offset() + symbols.size();
                at += entrySize) {
            int info = in.u8(at + (is64 ? 4 : 12), "symbol info");
            entries.add(new Entry(in.u32(at, "symbol name"), info >> 4, info & 0xf,
                    in.u8(at + (is64 ? 5 : 13), "symbol other") & 3, in.u16(at + (is64 ? 6 : 14), "symbol section index")));
        }
        return entries;
    }

    /** {@code .gnu.version} of the table: one index per symbol (entry 0 included); empty when there is none. */
    private static int[] versionIndex(ByteSource in, ElfTables tables, ElfSection symbols, int entries)
            throws BinaryFormatException {
        // The table's position, found by identity: it is one of these sections, and a record's equals costs a
        // method-handle bootstrap in a cold JVM (every build's) that this lookup does not need.
        int symbolsIndex = -1;
        for (int i = 0; i < tables.sections().size() && symbolsIndex < 0; i++) {
            symbolsIndex = tables.sections().get(i) == symbols ? i : -1;
        }
        int linked = symbolsIndex;
        Optional<ElfSection> versym = tables.sectionsOfType(ElfSection.SHT_GNU_VERSYM).stream()
                .filter(s -> s.hasContent() && s.link() == linked).findFirst();
        if (versym.isEmpty()) {
            return new int[0];
        }
        long count = Math.min(versym.get().size() / 2, entries + 1L);
        in.checkTable(versym.get().offset(), count, 2, versym.get().label());
        int[] index = new int[(int) count];
        for (int i = 0; i < count; i++) {
            index[i] = in.u16(versym.get().offset() + 2L * i, "symbol version index");
        }
        return index;
    }

    private static String name(ByteSource in, ElfSection strings, long name) throws BinaryFormatException {
        if (name >= strings.size()) {
            throw in.error("symbol name offset " + name + " is past the end of " + strings.label());
        }
        return in.cString(strings.offset() + name, strings.offset() + strings.size(), "symbol name");
    }
}
