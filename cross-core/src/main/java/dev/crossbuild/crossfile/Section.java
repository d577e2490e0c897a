package dev.crossbuild.crossfile;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One section of the merged machine files, named exactly as written (case-sensitive). {@code file} and
 * {@code line} are where the section first appeared; entries are in the order their keys first appeared.
 */
public record Section(String name, String file, int line, List<Entry> entries) {

    public Section {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        entries = List.copyOf(entries);
    }

    public Optional<Entry> entry(String key) {
        return entries.stream().filter(e -> e.key().equals(key)).findFirst();
    }

    /** The keys in order of first appearance. */
    public List<String> keys() {
        return entries.stream().map(Entry::key).toList();
    }
}
