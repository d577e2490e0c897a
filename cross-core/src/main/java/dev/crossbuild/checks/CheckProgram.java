package dev.crossbuild.checks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** A generated check source and, for each of its lines, the probe that owns it (if any). */
final class CheckProgram {

    private final String source;
    private final List<CheckProbe> owners; // index: line number - 1; null for shared lines

    private CheckProgram(String source, List<CheckProbe> owners) {
        this.source = source;
        this.owners = Collections.unmodifiableList(owners);
    }

    String source() {
        return source;
    }

    /** The probe that owns 1-based {@code line}; empty for lines shared by all probes or outside the source. */
    Optional<CheckProbe> owner(int line) {
        return line >= 1 && line <= owners.size() ? Optional.ofNullable(owners.get(line - 1)) : Optional.empty();
    }

    static final class Builder {
        private final StringBuilder source = new StringBuilder();
        private final List<CheckProbe> owners = new ArrayList<>();

        Builder line(String text) {
            return line(text, null);
        }

        Builder line(String text, CheckProbe owner) {
            if (text.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("one line at a time: " + text);
            }
            source.append(text).append('\n');
            owners.add(owner);
            return this;
        }

        CheckProgram build() {
            return new CheckProgram(source.toString(), new ArrayList<>(owners));
        }
    }
}
