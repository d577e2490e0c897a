package dev.crossbuild.crossfile;

import java.util.List;

/**
 * The unevaluated text of one {@code key = value}, as the INI layer leaves it: the piece after {@code =} and every
 * continuation line, each stripped, with the 1-based file line of each piece (blank lines inside a value are kept
 * as empty pieces, trailing blank ones dropped, as Python's configparser does).
 */
record RawValue(String file, String section, String key, List<String> pieces, List<Integer> lines) {

    RawValue {
        pieces = List.copyOf(pieces);
        lines = List.copyOf(lines);
    }

    int keyLine() {
        return lines.get(0);
    }
}
