package dev.crossbuild.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbuild.exec.HostEnvironment;
import dev.crossbuild.toolchain.Diagnosis;
import dev.crossbuild.toolchain.DoctorRequest;
import dev.crossbuild.toolchain.FakeToolchain;
import dev.crossbuild.toolchain.Finding;
import dev.crossbuild.toolchain.Language;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The doctor's diagnosis for a module with build-machine tools, with fake toolchains (a complete aarch64 host
 * toolchain, PATH = only the fakes): the build machine's compiler joins the host's findings as in setup.
 */
class BuildMachineDiagnosisTest {

    @TempDir
    Path dir;

    private FakeToolchain fake;

    @BeforeEach
    void setUp() throws Exception {
        fake = new FakeToolchain(dir);
        fake.gcc(new FakeToolchain.Gcc("aarch64-linux-gnu-gcc", "aarch64-linux-gnu"));
        fake.binutils("aarch64-linux-gnu");
        fake.program("qemu-aarch64");
        Files.writeString(dir.resolve("arm64.ini"), """
                [binaries]
                c = 'aarch64-linux-gnu-gcc'
                exe_wrapper = ['qemu-aarch64', '-L', '/usr/aarch64-linux-gnu']
                [host_machine]
                system = 'linux'
                cpu_family = 'aarch64'
                cpu = 'aarch64'
                endian = 'little'
                """);
    }

    private Diagnosis diagnose(List<String> nativeFiles, Set<Language> buildLanguages) throws Exception {
        HostEnvironment host = HostEnvironment.of(Map.of("PATH", fake.bin().toString()),
                Map.of("os.name", "Linux", "os.arch", "amd64", "sun.cpu.endian", "little", "user.home", dir.toString()),
                dir);
        return new CrossSetup(host).diagnose(List.of("arm64.ini"), nativeFiles, List.of(dir), Optional.empty(),
                new DoctorRequest(Set.of(Language.C), true, Set.of()), buildLanguages);
    }

    private static Optional<Finding> finding(Diagnosis diagnosis, String id) {
        return diagnosis.findings().stream().filter(f -> f.id().equals(id)).findFirst();
    }

    @Test
    void aMissingBuildCompilerIsAMissingFindingWithItsRemedyAndTheDiagnosisIsNotReady() throws Exception {
        Files.writeString(dir.resolve("native.ini"), "[binaries]\nc = 'no-such-cc'\n");

        Diagnosis diagnosis = diagnose(List.of("native.ini"), Set.of(Language.C));

        String file = dir.resolve("native.ini").toString();
        Finding build = finding(diagnosis, "build.compiler.c").orElseThrow(() -> new AssertionError(diagnosis.render()));
        assertEquals(Finding.Status.MISSING, build.status());
        assertEquals("C compiler for the build machine", build.subject());
        assertEquals(Optional.of("install no-such-cc or correct [binaries] c at " + file + ":2"), build.remedy());
        assertTrue(build.blocking());
        assertFalse(diagnosis.ready());
        assertTrue(diagnosis.render().contains("[MISSING] C compiler for the build machine: no-such-cc (" + file
                + ":2 [binaries] c) was not found on PATH -> install no-such-cc or correct [binaries] c at " + file
                + ":2"), String.join("\n", diagnosis.render()));
        // the host toolchain is complete: the build machine's compiler is the one root cause, after the host's findings
        assertEquals(List.of("build.compiler.c"), diagnosis.blockingFindings().stream().map(Finding::id).toList());
        assertTrue(finding(diagnosis, "compiler.c").orElseThrow().isOk());
        List<String> ids = diagnosis.findings().stream().map(Finding::id).toList();
        assertEquals(List.of("build.compiler.c", "build.tool.ar"), ids.subList(ids.indexOf("exe-wrapper") + 1, ids.size()));
        assertEquals(Optional.of("build.compiler.c"), finding(diagnosis, "build.tool.ar").orElseThrow().causedBy());
    }

    @Test
    void aBuildCompilerFoundByConventionIsOkAndTheDiagnosisIsReady() throws Exception {
        fake.gcc(new FakeToolchain.Gcc("cc", "x86_64-linux-gnu"));

        Diagnosis diagnosis = diagnose(List.of(), Set.of(Language.C));

        Finding build = finding(diagnosis, "build.compiler.c").orElseThrow(() -> new AssertionError(diagnosis.render()));
        assertTrue(build.isOk(), build.toString());
        assertEquals("C compiler for the build machine", build.subject());
        assertTrue(build.detail().startsWith(fake.bin().resolve("cc") + " (gcc 12.2.0, x86_64-linux-gnu)"),
                build.detail());
        assertTrue(diagnosis.ready(), String.join("\n", diagnosis.render()));
    }

    @Test
    void withoutBuildLanguagesTheBuildMachineIsNotLookedAt() throws Exception {
        Diagnosis diagnosis = diagnose(List.of(), Set.of()); // no cc on this PATH: it would be missing

        assertTrue(diagnosis.findings().stream().noneMatch(f -> f.id().startsWith("build.")), diagnosis.render().toString());
        assertTrue(diagnosis.ready(), String.join("\n", diagnosis.render()));
    }
}
