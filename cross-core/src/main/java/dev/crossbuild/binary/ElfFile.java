package dev.crossbuild.binary;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An ELF file as far as building and shipping it matters: the header ({@link ElfHeader}), the program
 * interpreter ({@code PT_INTERP}), the dynamic section ({@link ElfDynamic}), the GNU build ID, the
 * {@code .gnu_debuglink}, the section names, whether a {@code .symtab} is present, the exported dynamic
 * symbols, the symbols it needs from elsewhere ({@link ElfSymbolReference}: with their versions in a linked file),
 * and what it says about an executable stack ({@link ElfStack}).
 */
public record ElfFile(String file, ElfHeader header, Optional<String> interpreter, ElfDynamic dynamic,
        Optional<String> buildId, Optional<DebugLink> debugLink, List<String> sections, boolean hasSymbolTable,
        List<String> exportedSymbols, List<ElfSymbolReference> undefinedSymbols, ElfStack stack)
        implements BinaryFile {

    public ElfFile {
        sections = List.copyOf(sections);
        exportedSymbols = List.copyOf(exportedSymbols);
        undefinedSymbols = List.copyOf(undefinedSymbols);
    }

    public static ElfFile read(Path path) throws BinaryFormatException {
        return parse(path.toString(), Binaries.readBytes(path));
    }

    /** Reads an ELF image held in memory; {@code name} is used in messages. */
    public static ElfFile parse(String name, byte[] content) throws BinaryFormatException {
        ByteSource raw = new ByteSource(name, content, Endianness.LITTLE);
        if (content.length < 4 || raw.u32(0, "magic") != 0x464c457fL) {
            throw raw.error("not an ELF file (no \\x7fELF magic)");
        }
        ElfHeader header = ElfHeader.read(raw);
        ByteSource in = raw.withOrder(header.endianness());
        ElfTables tables = ElfTables.read(in, header.is64Bit());
        Optional<ElfSection> link = tables.section(".gnu_debuglink").filter(ElfSection::hasContent);
        Optional<DebugLink> debugLink = link.isPresent()
                ? Optional.of(DebugLink.read(in, link.get().offset(), link.get().size()))
                : Optional.empty();
        return new ElfFile(name, header, interpreter(in, tables), ElfDynamicReader.read(in, header.is64Bit(), tables),
                ElfNotes.buildId(in, tables), debugLink, tables.sections().stream().map(ElfSection::name).toList(),
                !tables.sectionsOfType(ElfSection.SHT_SYMTAB).isEmpty(),
                ElfSymbols.exported(in, header.is64Bit(), tables),
                ElfSymbols.undefined(in, header.is64Bit(), tables, header.type() == ElfType.REL), stack(tables));
    }

    private static ElfStack stack(ElfTables tables) {
        Optional<Boolean> segment = tables.segmentsOfType(ElfSegment.PT_GNU_STACK).stream().findFirst()
                .map(s -> (s.flags() & ElfSegment.PF_X) != 0);
        Optional<Boolean> note = tables.section(".note.GNU-stack")
                .map(s -> (s.flags() & ElfSection.SHF_EXECINSTR) != 0);
        return new ElfStack(segment, note);
    }

    @Override
    public BinaryFormat format() {
        return BinaryFormat.ELF;
    }

    /** Meson's {@code cpu_family} of the machine the file is for; empty when Meson has no family for it. */
    public Optional<String> cpuFamily() {
        return header.machine().cpuFamily();
    }

    public boolean is64Bit() {
        return header.is64Bit();
    }

    public Endianness endianness() {
        return header.endianness();
    }

    public ElfType type() {
        return header.type();
    }

    public List<String> needed() {
        return dynamic.needed();
    }

    public Optional<String> soname() {
        return dynamic.soname();
    }

    /** The {@code .debug_*} (and compressed {@code .zdebug_*}) sections. */
    public List<String> debugSections() {
        return sections.stream().filter(s -> s.startsWith(".debug_") || s.startsWith(".zdebug_")).toList();
    }

    /** No {@code .symtab} and no {@code .debug_info}: what {@code strip} leaves. */
    public boolean stripped() {
        return !hasSymbolTable && !sections.contains(".debug_info") && !sections.contains(".zdebug_info");
    }

    /** {@code shared object}, {@code pie executable} ({@code ET_DYN} with {@code DF_1_PIE}), {@code executable}, ... */
    public String kind() {
        return switch (header.type()) {
            case REL -> "relocatable object";
            case EXEC -> "executable";
            case DYN -> dynamic.pie() ? "pie executable" : "shared object";
            case CORE -> "core file";
            default -> "file of unknown type";
        };
    }

    @Override
    public String describe() {
        return "ELF " + header.bits() + "-bit " + header.endianness() + " " + header.machine().displayName() + " "
                + kind();
    }

    @Override
    public Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("path", file);
        facts.put("format", format().displayName());
        facts.put("kind", kind());
        facts.put("cpu_family", cpuFamily());
        facts.put("bits", header.bits());
        facts.put("endian", header.endianness().mesonName());
        facts.put("machine", header.machine().name());
        facts.put("os_abi", header.osAbiName());
        facts.put("float_abi", header.floatAbi());
        facts.put("interpreter", interpreter);
        facts.put("soname", dynamic.soname());
        facts.put("needed", dynamic.needed());
        facts.put("max_glibc", dynamic.maxGlibc());
        facts.put("runpath", dynamic.runpath());
        facts.put("rpath", dynamic.rpath());
        facts.put("executable_stack", stack.executable());
        facts.put("textrel", dynamic.textrel());
        facts.put("build_id", buildId);
        facts.put("debuglink", debugLink.map(DebugLink::fileName));
        facts.put("stripped", stripped());
        facts.put("exports", exportedSymbols.size());
        return facts;
    }

    private static Optional<String> interpreter(ByteSource in, ElfTables tables) throws BinaryFormatException {
        long offset;
        long size;
        if (!tables.sections().isEmpty()) {
            Optional<ElfSection> interp = tables.section(".interp").filter(ElfSection::hasContent);
            if (interp.isEmpty()) {
                return Optional.empty();
            }
            offset = interp.get().offset();
            size = interp.get().size();
        } else {
            List<ElfSegment> interp = tables.segmentsOfType(ElfSegment.PT_INTERP);
            if (interp.isEmpty()) {
                return Optional.empty();
            }
            offset = interp.get(0).offset();
            size = interp.get(0).fileSize();
        }
        in.check(offset, size, "program interpreter (PT_INTERP)");
        return Optional.of(in.cString(offset, offset + size, "program interpreter (PT_INTERP)"));
    }
}
