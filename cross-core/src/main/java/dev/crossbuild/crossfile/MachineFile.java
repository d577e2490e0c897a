package dev.crossbuild.crossfile;

import java.util.List;
import java.util.Optional;

/**
 * All machine files of one role (every cross file, or every native file), merged and evaluated as Meson does:
 * the files are merged key by key (a later file's value wins, the key keeps its first position), then
 * {@code [constants]} is evaluated, then every other section top to bottom. Syntax only: what the sections mean
 * is the semantic layer's business (CrossEnvironment).
 */
public final class MachineFile {

    private static final MachineFile EMPTY = new MachineFile(List.of(), List.of());

    private final List<MachineFileSource> sources;
    private final List<Section> sections;

    MachineFile(List<MachineFileSource> sources, List<Section> sections) {
        this.sources = List.copyOf(sources);
        this.sections = List.copyOf(sections);
    }

    /** Reads, merges and evaluates the given files in order; the first problem found is thrown. */
    public static MachineFile parse(List<MachineFileSource> sources, MachineFileContext context)
            throws CrossFileException {
        return MachineFileReader.read(sources, context);
    }

    public static MachineFile empty() {
        return EMPTY;
    }

    public List<MachineFileSource> sources() {
        return sources;
    }

    /** Sections in order of first appearance, {@code [constants]} included. */
    public List<Section> sections() {
        return sections;
    }

    public Optional<Section> section(String name) {
        return sections.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public Optional<Entry> entry(String section, String key) {
        return section(section).flatMap(s -> s.entry(key));
    }

    @Override
    public String toString() {
        return "MachineFile" + sources.stream().map(MachineFileSource::name).toList();
    }
}
