package dev.crossbuild.binary;

import java.util.ArrayList;
import java.util.List;

/** External symbols defined in a section ({@code N_EXT} and {@code N_SECT}, no stab) of an {@code LC_SYMTAB}. */
final class MachOSymbols {

    private static final int N_STAB = 0xe0;
    private static final int N_TYPE = 0x0e;
    private static final int N_SECT = 0x0e;
    private static final int N_EXT = 0x01;

    private MachOSymbols() {
    }

    static List<String> exported(ByteSource in, long symbols, long count, long strings, long stringsSize, boolean is64)
            throws BinaryFormatException {
        int entrySize = is64 ? 16 : 12;
        in.checkTable(symbols, count, entrySize, "symbol table (LC_SYMTAB)");
        in.check(strings, stringsSize, "string table (LC_SYMTAB)");
        List<String> names = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            long at = symbols + i * entrySize;
            long name = in.u32(at, "n_strx");
            int type = in.u8(at + 4, "n_type");
            if ((type & N_STAB) == 0 && (type & N_TYPE) == N_SECT && (type & N_EXT) != 0) {
                if (name >= stringsSize) {
                    throw in.error("symbol name offset " + name + " is past the end of the string table ("
                            + stringsSize + " bytes)");
                }
                String symbol = in.cString(strings + name, strings + stringsSize, "symbol name");
                names.add(symbol.startsWith("_") ? symbol.substring(1) : symbol);
            }
        }
        return List.copyOf(names);
    }
}
