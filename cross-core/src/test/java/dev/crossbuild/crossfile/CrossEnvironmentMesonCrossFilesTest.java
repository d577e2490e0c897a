package dev.crossbuild.crossfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbuild.machine.Endian;
import dev.crossbuild.machine.Machine;
import dev.crossbuild.testing.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Meson's own {@code cross/*.txt} load with the host machine they describe (msp430.txt is not valid: {@code c = cl430} is unquoted). */
class CrossEnvironmentMesonCrossFilesTest {

    private static final Machine BUILD = CrossEnvironmentEmpiricalTest.BUILD;

    private static CrossEnvironment load(String name) throws CrossFileException {
        return CrossEnvironment.load(List.of(MachineFileSource.read(Fixtures.mesonCross(name))), List.of(), BUILD,
                MachineFileContext.none());
    }

    private static Optional<String> optional(String text) {
        return text == null ? Optional.empty() : Optional.of(text);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", value = {
        "arm64cl.txt,               windows,    aarch64, armv8,       -,   -",
        "armcc.txt,                 bare metal, arm,     Cortex-M0+,  -,   -",
        "armclang-linux.txt,        baremetal,  arm,     armv7,       -,   -",
        "armclang.txt,              bare metal, arm,     Cortex-M0+,  -,   -",
        "c2000.txt,                 bare metal, c2000,   c28x,        -,   -",
        "ccomp-armv7a.txt,          bare metal, arm,     Cortex-A9,   -,   -",
        "ccrx.txt,                  bare metal, rx,      rx600,       -,   -",
        "cuda-cross.txt,            linux,      aarch64, aarch64,     -,   -",
        "iphone.txt,                darwin,     aarch64, aarch64,     xnu, ios",
        "linux-mingw-w64-32bit.txt, windows,    x86,     i686,        -,   -",
        "linux-mingw-w64-64bit.txt, windows,    x86_64,  x86_64,      -,   -",
        "metrowerks-arm.txt,        bare metal, arm,     arm,         -,   -",
        "metrowerks-eppc.txt,       bare metal, ppc,     ppc,         -,   -",
        "none.txt,                  none,       none,    none,        -,   -",
        "ti-c6000.txt,              c6000,      c6000,   c64x,        -,   -",
        "tvos.txt,                  darwin,     arm,     arm64,       xnu, tvos",
        "ubuntu-armhf.txt,          linux,      arm,     armv7,       -,   -",
        "wasm32-emscripten.txt,     emscripten, wasm32,  wasm32,      -,   -",
        "wasm64-emscripten.txt,     emscripten, wasm64,  wasm64,      -,   -",
        "xc16.txt,                  bare metal, dspic,   33ep64mc203, -,   -",
        "xc32.txt,                  baremetal,  pic32,   pic32,       -,   -",
    })
    void hostMachineIsTheOneTheFileDescribes(String name, String system, String family, String cpu, String kernel,
            String subsystem) throws Exception {
        CrossEnvironment env = load(name);
        assertTrue(env.isCrossBuild());
        assertEquals(new Machine(system, family, cpu, Endian.LITTLE, optional(kernel), optional(subsystem)),
                env.machines().host());
        assertEquals(env.machines().host(), env.machines().target());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"ownstdlib.txt, x86_64", "ubuntu-faketarget.txt, mips"})
    void targetOnlyFilesKeepTheBuildMachineAsHost(String name, String targetFamily) throws Exception {
        CrossEnvironment env = load(name);
        assertEquals(BUILD, env.machines().host());
        assertEquals(Machine.of("linux", targetFamily, targetFamily, Endian.LITTLE), env.machines().target());
        assertTrue(env.canRunHostBinaries());
    }

    @Test
    void everyTopLevelFileButMsp430IsCovered() throws Exception {
        try (Stream<Path> files = Files.list(Fixtures.mesonCross())) {
            assertEquals(24, files.filter(f -> f.toString().endsWith(".txt")).count());
        }
    }

    @Test
    void mingwFileRunsThroughWine() throws Exception {
        CrossEnvironment env = load("linux-mingw-w64-64bit.txt");
        assertEquals(Optional.of(List.of("wine")), env.host().binaries().exeWrapper());
        assertTrue(env.needsExeWrapper());
        assertTrue(env.canRunHostBinaries());
    }

    @Test
    void msp430IsRejectedForItsUnquotedProgramNames() {
        // Meson rejects it too (Undefined constant 'cl430'); it would also lack cpu in [host_machine].
        CrossFileException e = assertThrows(CrossFileException.class, () -> load("msp430.txt"));
        assertEquals(Optional.of("c"), e.key());
        assertEquals(5, e.line());
    }
}
