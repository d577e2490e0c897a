package dev.crossbuild.binary;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A PE image (Windows {@code .exe} / {@code .dll}) as far as building and shipping it matters: machine, PE32 or
 * PE32+, DLL or executable, subsystem, the DLLs it imports, the names it exports (JNI entry points must be among
 * them), its section names (mingw keeps DWARF in {@code .debug_*} sections whose long names live in the COFF
 * string table), whether COFF symbols remain, and the {@code .gnu_debuglink}.
 */
public record PeFile(String file, PeMachine machine, boolean pe32Plus, int characteristics, int subsystem,
        Optional<String> exportName, List<String> imports, List<String> exports, List<String> sections,
        boolean hasSymbolTable, Optional<DebugLink> debugLink) implements BinaryFile {

    private static final int IMAGE_FILE_DLL = 0x2000;

    public PeFile {
        imports = List.copyOf(imports);
        exports = List.copyOf(exports);
        sections = List.copyOf(sections);
    }

    public static PeFile read(Path path) throws BinaryFormatException {
        return parse(path.toString(), Binaries.readBytes(path));
    }

    /** Reads a PE image held in memory; {@code name} is used in messages. */
    public static PeFile parse(String name, byte[] content) throws BinaryFormatException {
        return PeReader.read(new ByteSource(name, content, Endianness.LITTLE));
    }

    @Override
    public BinaryFormat format() {
        return BinaryFormat.PE;
    }

    /** Meson's {@code cpu_family} of the machine the file is for; empty when Meson has no family for it. */
    public Optional<String> cpuFamily() {
        return machine.cpuFamily();
    }

    public boolean is64Bit() {
        return pe32Plus;
    }

    public Endianness endianness() {
        return Endianness.LITTLE;
    }

    @Override
    public List<String> exportedSymbols() {
        return exports;
    }

    public boolean dll() {
        return (characteristics & IMAGE_FILE_DLL) != 0;
    }

    /** {@code console}, {@code gui}, {@code native}, {@code efi application}, ... */
    public String subsystemName() {
        return switch (subsystem) {
            case 1 -> "native";
            case 2 -> "gui";
            case 3 -> "console";
            case 9 -> "windows ce gui";
            case 10 -> "efi application";
            case 11 -> "efi boot service driver";
            case 12 -> "efi runtime driver";
            case 16 -> "windows boot application";
            default -> "subsystem " + subsystem;
        };
    }

    public List<String> debugSections() {
        return sections.stream().filter(s -> s.startsWith(".debug_") || s.startsWith(".zdebug_")).toList();
    }

    /** No COFF symbol table and no {@code .debug_info}: what {@code strip} leaves. */
    public boolean stripped() {
        return !hasSymbolTable && !sections.contains(".debug_info") && !sections.contains(".zdebug_info");
    }

    public String kind() {
        return dll() ? "DLL" : "executable";
    }

    @Override
    public String describe() {
        return (pe32Plus ? "PE32+ " : "PE32 ") + machine.displayName() + " " + kind() + " (" + subsystemName() + ")";
    }

    @Override
    public Map<String, Object> facts() {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("path", file);
        facts.put("format", format().displayName());
        facts.put("kind", kind());
        facts.put("cpu_family", cpuFamily());
        facts.put("bits", pe32Plus ? 64 : 32);
        facts.put("endian", "little");
        facts.put("machine", machine.name());
        facts.put("pe", pe32Plus ? "PE32+" : "PE32");
        facts.put("dll", dll());
        facts.put("subsystem", subsystemName());
        facts.put("imports", imports);
        facts.put("exports", exports.size());
        facts.put("debuglink", debugLink.map(DebugLink::fileName));
        facts.put("stripped", stripped());
        return facts;
    }
}
