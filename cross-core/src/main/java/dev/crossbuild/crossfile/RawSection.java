package dev.crossbuild.crossfile;

import java.util.LinkedHashMap;
import java.util.Map;

/** A section as the INI layer read it from one file (or, after merging, from all files): keys in order. */
final class RawSection {

    final String name;
    final String file;
    final int line;
    final Map<String, RawValue> values = new LinkedHashMap<>();

    RawSection(String name, String file, int line) {
        this.name = name;
        this.file = file;
        this.line = line;
    }
}
