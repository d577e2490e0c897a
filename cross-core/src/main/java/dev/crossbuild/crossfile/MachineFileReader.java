package dev.crossbuild.crossfile;

import java.util.List;

/** Reads, merges and evaluates machine files (work in progress). */
final class MachineFileReader {

    private MachineFileReader() {
    }

    static MachineFile read(List<MachineFileSource> sources, MachineFileContext context) throws CrossFileException {
        if (sources.isEmpty()) {
            return MachineFile.empty();
        }
        throw CrossFileException.ofFile(sources.get(0).name(), "machine-file parsing is not implemented yet");
    }
}
