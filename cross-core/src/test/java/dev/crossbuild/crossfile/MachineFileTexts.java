package dev.crossbuild.crossfile;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Parses inline machine-file text for unit tests; the file is named {@code test.ini} in messages. */
final class MachineFileTexts {

    static final String NAME = "test.ini";
    static final MachineFileContext HOME = new MachineFileContext(Optional.empty(), Optional.of(Path.of("/home/u")));

    private MachineFileTexts() {
    }

    static MachineFile parse(String text) throws CrossFileException {
        return MachineFile.parse(List.of(source(text)), HOME);
    }

    static MachineFileSource source(String text) {
        return MachineFileSource.of(NAME, text.getBytes(StandardCharsets.UTF_8));
    }

    static CrossFileException error(String text) {
        return assertThrows(CrossFileException.class, () -> parse(text));
    }

    /** The value of {@code x} in the only section of a one-line-value file {@code [p] x = <value>}. */
    static Value value(String valueText) throws CrossFileException {
        return parse("[p]\nx = " + valueText + "\n").entry("p", "x").orElseThrow().value();
    }

    /** The error for {@code [p] x = <value>}. */
    static CrossFileException valueError(String valueText) {
        return error("[p]\nx = " + valueText + "\n");
    }
}
