package dev.crossbuild.binary;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Parses the DOS stub, COFF header, optional header, section table, import and export directories of a PE image. */
final class PeReader {

    private static final int PE32 = 0x10b;
    private static final int PE32_PLUS = 0x20b;
    private static final int EXPORT_DIRECTORY = 0;
    private static final int IMPORT_DIRECTORY = 1;
    /** A DLL with more imports or exports than this is not something a compiler wrote. */
    private static final long MAX_ENTRIES = 1 << 20;

    private final ByteSource in;
    private final List<PeSection> sections;
    private final long headersSize;

    private PeReader(ByteSource in, List<PeSection> sections, long headersSize) {
        this.in = in;
        this.sections = sections;
        this.headersSize = headersSize;
    }

    static PeFile read(ByteSource in) throws BinaryFormatException {
        if (in.size() < 2 || in.u16(0, "DOS magic") != 0x5a4d) {
            throw in.error("not a PE file (no MZ magic)");
        }
        long pe = in.u32(0x3c, "e_lfanew (offset of the PE header)");
        if (in.u32(pe, "PE signature") != 0x00004550L) {
            throw in.error("no PE signature at e_lfanew " + ByteSource.hex(pe)
                    + " (an MS-DOS executable, or a damaged file)");
        }
        long coff = pe + 4;
        int machine = in.u16(coff, "COFF Machine");
        int sectionCount = in.u16(coff + 2, "COFF NumberOfSections");
        long symbolTable = in.u32(coff + 8, "COFF PointerToSymbolTable");
        long symbolCount = in.u32(coff + 12, "COFF NumberOfSymbols");
        int optionalSize = in.u16(coff + 16, "COFF SizeOfOptionalHeader");
        int characteristics = in.u16(coff + 18, "COFF Characteristics");
        long optional = coff + 20;
        int magic = in.u16(optional, "optional header magic");
        if (magic != PE32 && magic != PE32_PLUS) {
            throw in.error("optional header magic is " + ByteSource.hex(magic) + ", expected 0x10b (PE32) or 0x20b (PE32+)");
        }
        boolean plus = magic == PE32_PLUS;
        if (optionalSize < (plus ? 112 : 96)) {
            throw in.error("SizeOfOptionalHeader is " + optionalSize + ", too small for a " + (plus ? "PE32+" : "PE32")
                    + " optional header (" + (plus ? 112 : 96) + " bytes before the data directories)");
        }
        long directories = optional + (plus ? 112 : 96);
        long directoryCount = in.u32(optional + (plus ? 108 : 92), "NumberOfRvaAndSizes");
        long availableDirectories = Math.max(0, (optional + optionalSize - directories) / 8);
        directoryCount = Math.min(directoryCount, availableDirectories);
        List<PeSection> sections = readSections(in, optional + optionalSize, sectionCount, symbolTable, symbolCount);
        PeReader reader = new PeReader(in, sections, in.u32(optional + 60, "SizeOfHeaders"));
        long[] exports = directoryCount > EXPORT_DIRECTORY ? directory(in, directories, EXPORT_DIRECTORY) : new long[2];
        long[] imports = directoryCount > IMPORT_DIRECTORY ? directory(in, directories, IMPORT_DIRECTORY) : new long[2];
        Optional<String> exportName = Optional.empty();
        List<String> exportNames = List.of();
        if (exports[0] != 0 && exports[1] != 0) {
            long at = reader.offsetOf(exports[0], "export directory");
            exportName = Optional.of(reader.stringAt(in.u32(at + 12, "export directory Name"), "exported DLL name"));
            exportNames = reader.exportNames(at);
        }
        List<String> importNames = imports[0] != 0 ? reader.importNames(imports[0]) : List.of();
        Optional<PeSection> link = sections.stream().filter(s -> s.name().equals(".gnu_debuglink")).findFirst();
        Optional<DebugLink> debugLink = link.isPresent()
                ? Optional.of(DebugLink.read(in, link.get().rawOffset(), link.get().contentSize()))
                : Optional.empty();
        return new PeFile(in.file(), PeMachine.of(machine), plus, characteristics,
                in.u16(optional + 68, "Subsystem"), exportName, importNames, exportNames,
                sections.stream().map(PeSection::name).toList(), symbolTable != 0 && symbolCount != 0, debugLink);
    }

    private static long[] directory(ByteSource in, long directories, int index) throws BinaryFormatException {
        long at = directories + 8L * index;
        return new long[] {in.u32(at, "data directory " + index), in.u32(at + 4, "data directory " + index)};
    }

    private static List<PeSection> readSections(ByteSource in, long table, int count, long symbolTable,
            long symbolCount) throws BinaryFormatException {
        in.checkTable(table, count, 40, "section table");
        List<PeSection> sections = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            long at = table + 40L * i;
            String name = in.fixedString(at, 8, "section name");
            if (name.startsWith("/") && symbolTable != 0) {
                name = longName(in, name, symbolTable + symbolCount * 18);
            }
            sections.add(new PeSection(name, in.u32(at + 8, "VirtualSize"), in.u32(at + 12, "VirtualAddress"),
                    in.u32(at + 16, "SizeOfRawData"), in.u32(at + 20, "PointerToRawData")));
        }
        return List.copyOf(sections);
    }

    /** {@code /123}: offset 123 into the COFF string table that follows the symbol table. */
    private static String longName(ByteSource in, String name, long stringTable) throws BinaryFormatException {
        long offset;
        try {
            offset = Long.parseLong(name.substring(1));
        } catch (NumberFormatException e) {
            throw in.error("section name '" + name + "' is neither a name nor /<offset into the string table>");
        }
        long tableSize = in.u32(stringTable, "COFF string table size");
        if (offset >= tableSize) {
            throw in.error("section name '" + name + "' points past the end of the COFF string table ("
                    + tableSize + " bytes)");
        }
        return in.cString(stringTable + offset, stringTable + tableSize, "section name " + name);
    }

    private long offsetOf(long rva, String what) throws BinaryFormatException {
        for (PeSection section : sections) {
            long offset = section.offsetOf(rva);
            if (offset >= 0) {
                return offset;
            }
        }
        if (rva < headersSize) {
            return rva;
        }
        throw in.error(what + " RVA " + ByteSource.hex(rva) + " is not inside any section");
    }

    private String stringAt(long rva, String what) throws BinaryFormatException {
        long offset = offsetOf(rva, what);
        long limit = sections.stream().filter(s -> s.offsetOf(rva) >= 0).mapToLong(PeSection::rawEnd)
                .findFirst().orElse(in.size());
        return in.cString(offset, limit, what);
    }

    private List<String> importNames(long rva) throws BinaryFormatException {
        long at = offsetOf(rva, "import directory");
        List<String> names = new ArrayList<>();
        for (long i = 0; i < MAX_ENTRIES; i++, at += 20) {
            long nameRva = in.u32(at + 12, "import descriptor Name");
            if (nameRva == 0 && in.u32(at, "import descriptor") == 0) {
                return List.copyOf(names);
            }
            names.add(stringAt(nameRva, "imported DLL name"));
        }
        throw in.error("import directory has no terminating entry within " + MAX_ENTRIES + " descriptors");
    }

    private List<String> exportNames(long directory) throws BinaryFormatException {
        long count = in.u32(directory + 24, "export NumberOfNames");
        if (count == 0) {
            return List.of();
        }
        if (count > MAX_ENTRIES) {
            throw in.error("export directory claims " + count + " names");
        }
        long table = offsetOf(in.u32(directory + 32, "export AddressOfNames"), "export name table");
        in.checkTable(table, count, 4, "export name table");
        List<String> names = new ArrayList<>((int) count);
        for (long i = 0; i < count; i++) {
            names.add(stringAt(in.u32(table + 4 * i, "export name"), "exported name"));
        }
        return List.copyOf(names);
    }
}
