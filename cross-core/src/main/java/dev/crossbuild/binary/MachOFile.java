package dev.crossbuild.binary;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A Mach-O file: one {@link MachOImage} for a thin file, or one per architecture of a universal ("fat") file,
 * in the order of its {@code fat_arch} table.
 */
public record MachOFile(String file, boolean universal, List<MachOImage> images) implements BinaryFile {

    public MachOFile {
        images = List.copyOf(images);
    }

    public static MachOFile read(Path path) throws BinaryFormatException {
        return parse(path.toString(), Binaries.readBytes(path));
    }

    /** Reads a Mach-O image held in memory; {@code name} is used in messages. */
    public static MachOFile parse(String name, byte[] content) throws BinaryFormatException {
        return MachOReader.read(new ByteSource(name, content, Endianness.BIG));
    }

    @Override
    public BinaryFormat format() {
        return BinaryFormat.MACH_O;
    }

    /** {@code arm64}, {@code x86_64}: the architectures, one per image. */
    public List<String> architectures() {
        return images.stream().map(MachOImage::cpuName).toList();
    }

    /** The symbols every image exports (for a universal file, those present in all its architectures). */
    @Override
    public List<String> exportedSymbols() {
        return images.get(0).exportedSymbols().stream()
                .filter(symbol -> images.stream().allMatch(i -> i.exportedSymbols().contains(symbol)))
                .toList();
    }

    @Override
    public String describe() {
        if (!universal) {
            return images.get(0).describe();
        }
        return "Mach-O universal " + images.get(0).fileTypeName() + " with " + images.size() + " architectures ("
                + String.join(", ", architectures()) + ")";
    }

    @Override
    public Map<String, Object> facts() {
        MachOImage first = images.get(0);
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("path", file);
        facts.put("format", format().displayName());
        facts.put("kind", first.fileTypeName());
        facts.put("cpu_family", images.stream().map(i -> i.cpuFamily().orElse(i.cpuName())).distinct()
                .collect(Collectors.joining(",")));
        facts.put("bits", first.is64Bit() ? 64 : 32);
        facts.put("endian", first.endianness().mesonName());
        facts.put("universal", universal);
        facts.put("architectures", architectures());
        facts.put("id_dylib", first.idDylib());
        facts.put("load_dylibs", first.loadDylibs());
        facts.put("rpaths", first.rpaths());
        facts.put("uuid", first.uuid());
        facts.put("exports", first.exportedSymbols().size());
        return facts;
    }
}
