package dev.crossbuild.crossfile;

import java.util.Objects;

/**
 * One evaluated {@code key = value} of a section, with the file and 1-based line where the winning value was
 * written (with layered files, the last file that set the key).
 */
public record Entry(String section, String key, Value value, String file, int line) {

    public Entry {
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(file, "file");
    }

    /** {@code file:line} for messages about this entry. */
    public String location() {
        return file + ":" + line;
    }
}
