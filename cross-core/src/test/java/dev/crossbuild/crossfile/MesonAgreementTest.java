package dev.crossbuild.crossfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.crossbuild.testing.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Differential test against the real Meson on this machine: every fixture file (and the layered orders of
 * EXPECTED.md) is read by our reader and by {@code meson setup} on a probe project without languages. Both must
 * accept or both reject, and when both accept, the three machines, is_cross_build and can_run_host_binaries must be
 * equal. Where we deliberately differ from Debian's Meson 1.0.1 the file is listed in {@link #DIFFERENCES} with the
 * reason (we follow Meson HEAD, or are stricter where Meson crashes or accepts nonsense). {@link MesonProbe} runs both;
 * {@link MachineFileFuzzTest} reuses it on mutants.
 * <p>
 * Needs {@code meson} on PATH ({@code scripts/install-toolchains.sh} installs it; CI always has it).
 */
class MesonAgreementTest {

    /** File (or layered order) -> why our outcome may differ from Meson 1.0.1. */
    static final Map<String, String> DIFFERENCES = Map.ofEntries(
            Map.entry("empirical/syntax/e25_array_with_int.txt", "stricter: arrays hold strings only (HEAD crashes)"),
            Map.entry("empirical/syntax/e26_array_with_bool.txt", "stricter: arrays hold strings only (HEAD crashes)"),
            Map.entry("empirical/syntax/e46_nested_array.txt", "stricter: arrays hold strings only (HEAD crashes)"),
            Map.entry("empirical/syntax/e29_tilde.txt", "HEAD (>= 1.11) accepts ~; 1.0.1 does not"),
            Map.entry("empirical/syntax/e35_fstring.txt", "HEAD accepts f-strings as plain strings; 1.0.1 does not"),
            Map.entry("empirical/semantics/s16_default_section.txt", "stricter: [DEFAULT] is rejected (Meson leaks its keys into every section)"),
            Map.entry("empirical/semantics/s18_pkgconfig_old_name.txt", "HEAD: mismatched pkgconfig and pkg-config is an error"),
            Map.entry("empirical/semantics/s21_endian_big.txt", "stricter: endian other than little/big is an error"),
            Map.entry("empirical/misc/needs_exe_wrapper_string.txt", "stricter: needs_exe_wrapper must be a boolean (HEAD crashes)"),
            Map.entry("empirical/misc/x86_64_sub.txt", "HEAD: a host subsystem differing from the build's means cannot run"),
            Map.entry("empirical/layering/default.txt", "stricter: [DEFAULT] is rejected"));

    @TempDir
    static Path work;

    @TestFactory
    Stream<DynamicTest> ourReaderAgreesWithMesonOnEveryFixture() throws IOException {
        assumeTrue(MesonProbe.mesonAvailable(), "meson is not installed; run scripts/install-toolchains.sh");
        Path root = Fixtures.mesonCross();
        List<List<Path>> cases = new ArrayList<>();
        for (String folder : List.of("", "empirical/syntax", "empirical/semantics", "empirical/misc", "empirical/layering")) {
            try (Stream<Path> files = Files.list(root.resolve(folder))) {
                files.filter(f -> f.toString().endsWith(".txt")).sorted().forEach(f -> cases.add(List.of(f)));
            }
        }
        Path layering = root.resolve("empirical/layering");
        for (String order : List.of("base override", "override base", "arch-aarch64 generic", "arch-arm generic",
                "generic arch-arm", "base file1 file2", "base file2b file1b", "base file1b file2b")) {
            cases.add(Stream.of(order.split(" ")).map(n -> layering.resolve(n + ".txt")).toList());
        }
        return cases.stream().map(files -> DynamicTest.dynamicTest(label(root, files), () -> compare(root, files)));
    }

    private static String label(Path root, List<Path> files) {
        return files.stream().map(f -> root.relativize(f).toString()).collect(Collectors.joining(" + "));
    }

    private void compare(Path root, List<Path> files) throws Exception {
        String label = label(root, files);
        String ours = MesonProbe.ours(files, List.of());
        String meson = MesonProbe.meson(files, List.of(), work);
        if (DIFFERENCES.containsKey(label)) {
            assertNotEquals(meson, ours, label + " is listed as a known difference (" + DIFFERENCES.get(label)
                    + ") but we now agree with Meson: remove it from DIFFERENCES");
            return;
        }
        assertEquals(meson, ours, label);
    }
}
