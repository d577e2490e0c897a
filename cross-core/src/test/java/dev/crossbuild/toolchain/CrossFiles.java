package dev.crossbuild.toolchain;

import dev.crossbuild.crossfile.CrossEnvironment;
import dev.crossbuild.crossfile.CrossFileException;
import dev.crossbuild.crossfile.MachineFileContext;
import dev.crossbuild.crossfile.MachineFileSource;
import dev.crossbuild.machine.Endian;
import dev.crossbuild.machine.Machine;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** Cross environments for toolchain tests: one cross file named {@code test.ini}, built on x86_64 Linux. */
final class CrossFiles {

    static final Machine BUILD = new Machine("linux", "x86_64", "x86_64", Endian.LITTLE, Optional.of("linux"),
            Optional.of("linux"));

    private CrossFiles() {
    }

    /** {@code test.ini} with the given text (line 1 is the first line of {@code text}). */
    static CrossEnvironment cross(String text) {
        try {
            return CrossEnvironment.load(List.of(MachineFileSource.of("test.ini", text.getBytes(StandardCharsets.UTF_8))),
                    List.of(), BUILD, MachineFileContext.none());
        } catch (CrossFileException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** No cross file: host = build = x86_64 Linux. */
    static CrossEnvironment nativeBuild() {
        try {
            return CrossEnvironment.load(List.of(), List.of(), BUILD, MachineFileContext.none());
        } catch (CrossFileException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /** A {@code [host_machine]} section. */
    static String hostMachine(String system, String cpuFamily, String cpu, String endian) {
        return "[host_machine]\nsystem = '" + system + "'\ncpu_family = '" + cpuFamily + "'\ncpu = '" + cpu
                + "'\nendian = '" + endian + "'\n";
    }

    static String aarch64() {
        return hostMachine("linux", "aarch64", "aarch64", "little");
    }
}
