package dev.crossbuild.binary;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The names a shared object exports: defined {@code .dynsym} entries with global, weak or unique binding and
 * default or protected visibility (what {@code nm -D --defined-only} lists, minus section and file symbols).
 * Used to check that JNI entry points such as {@code Java_dev_demo_Native_add} made it into a library.
 */
final class ElfSymbols {

    private ElfSymbols() {
    }

    static List<String> exported(ByteSource in, boolean is64, ElfTables tables) throws BinaryFormatException {
        Optional<ElfSection> dynsym = tables.sectionsOfType(ElfSection.SHT_DYNSYM).stream()
                .filter(ElfSection::hasContent).findFirst();
        if (dynsym.isEmpty()) {
            return List.of();
        }
        ElfSection symbols = dynsym.get();
        long entrySize = Math.max(symbols.entrySize(), is64 ? 24 : 16);
        if (symbols.link() <= 0 || symbols.link() >= tables.sections().size()) {
            throw in.error(symbols.label() + " links to string table section " + symbols.link()
                    + ", which does not exist");
        }
        ElfSection strings = tables.sections().get((int) symbols.link());
        in.check(symbols.offset(), symbols.size(), symbols.label());
        in.check(strings.offset(), strings.size(), strings.label());
        List<String> names = new ArrayList<>();
        for (long at = symbols.offset() + entrySize; at + entrySize <= symbols.offset() + symbols.size();
                at += entrySize) {
            long name = in.u32(at, "symbol name");
            int info = in.u8(at + (is64 ? 4 : 12), "symbol info");
            int other = in.u8(at + (is64 ? 5 : 13), "symbol other");
            int sectionIndex = in.u16(at + (is64 ? 6 : 14), "symbol section index");
            int binding = info >> 4;
            int type = info & 0xf;
            int visibility = other & 3;
            boolean visible = (binding == 1 || binding == 2 || binding == 10) && (visibility == 0 || visibility == 3);
            if (visible && sectionIndex != 0 && type != 3 && type != 4 && name != 0) {
                if (name >= strings.size()) {
                    throw in.error("symbol name offset " + name + " is past the end of " + strings.label());
                }
                names.add(in.cString(strings.offset() + name, strings.offset() + strings.size(), "symbol name"));
            }
        }
        return List.copyOf(names);
    }
}
