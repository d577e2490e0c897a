package dev.crossbuild.crossfile;

/** Builds the errors about one value: file, the exact line of the offending piece, the key. */
final class ValueErrors {

    private final RawValue raw;

    ValueErrors(RawValue raw) {
        this.raw = raw;
    }

    /** {@code value of '<key>' <problem>} at the line of the given value piece. */
    CrossFileException at(int piece, String problem) {
        return plain(piece, "value of '" + raw.key() + "' " + problem);
    }

    /** A message that names the key in its own way (e.g. Meson's "Undefined constant ..." wording). */
    CrossFileException plain(int piece, String message) {
        int index = Math.max(0, Math.min(piece, raw.lines().size() - 1));
        return new CrossFileException(raw.file(), raw.lines().get(index), raw.key(), message);
    }

    String key() {
        return raw.key();
    }

    int line(int piece) {
        return raw.lines().get(Math.max(0, Math.min(piece, raw.lines().size() - 1)));
    }
}
