package dev.crossbuild.binary;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every prefix and thousands of seeded random corruptions of valid files (synthetic ones always, real toolchain
 * output when installed) either read or fail with {@link BinaryFormatException}: no other exception, no hang.
 */
class DamagedInputTest {

    private static final long SEED = 0x5eed_c0de_2024L;
    private static final int MUTATIONS = 2000;
    private static final long[] NASTY = {0, 1, 0xffffffffL, 0x7fffffffL, 0x80000000L, 0xfffffff0L, 0x10, 0xff00};

    @TempDir
    Path dir;

    private Map<String, byte[]> samples() throws IOException {
        Map<String, byte[]> samples = new LinkedHashMap<>();
        for (boolean is64 : new boolean[] {true, false}) {
            for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
                samples.put("elf" + (is64 ? 64 : 32) + order, ElfFileTest.fullLibrary(is64, order, 183).build());
            }
        }
        samples.put("elf-no-sections", new ElfBuilder(true, ByteOrder.LITTLE_ENDIAN, 183, 3)
                .interpreter("/lib/ld.so.1").dynamic(List.of("libc.so.6"), "libx.so", "$ORIGIN",
                        ElfFileTest.glibcNeeds(), 0).build(false));
        samples.put("pe32+", PeFileTest.jniDll());
        samples.put("pe32", new PeBuilder(0x14c, false).imports("KERNEL32.dll").exports("f").build());
        samples.put("macho", MachOFileTest.arm64Dylib());
        samples.put("macho-fat", MachOBuilder.fat(MachOFileTest.x8664Dylib(), MachOFileTest.arm64Dylib()));
        ElfTarget real = Arrays.stream(ElfTarget.values()).filter(ElfTarget::installed).findFirst().orElse(null);
        if (real != null) {
            ElfSamples built = ElfSamples.of(real, dir);
            samples.put("real-" + real.triple, Files.readAllBytes(built.library()));
            samples.put("real-linked-" + real.triple, Files.readAllBytes(built.linked()));
        }
        if (PeSamples.installed()) {
            samples.put("real-mingw-dll", Files.readAllBytes(PeSamples.build(dir.resolve("mingw")).linked()));
        }
        return samples;
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void everyPrefixReadsOrFailsWithAFormatError() throws IOException {
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, byte[]> sample : samples().entrySet()) {
            byte[] full = sample.getValue();
            int step = Math.max(1, full.length / 2048);
            for (int length = 0; length < full.length; length += length < 2048 ? 1 : step) {
                check(sample.getKey() + " cut at " + length, Arrays.copyOf(full, length), failures);
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " unexpected exceptions, first: " + failures.subList(0, Math.min(5, failures.size())));
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void randomCorruptionsReadOrFailWithAFormatError() throws IOException {
        Random random = new Random(SEED);
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, byte[]> sample : samples().entrySet()) {
            byte[] original = sample.getValue();
            for (int i = 0; i < MUTATIONS; i++) {
                byte[] bytes = original.clone();
                int edits = 1 + random.nextInt(4);
                for (int e = 0; e < edits; e++) {
                    // Mostly headers and tables near the start, sometimes anywhere.
                    int range = random.nextInt(4) == 0 ? bytes.length : Math.min(bytes.length, 1024);
                    int at = random.nextInt(range);
                    if (random.nextBoolean() && at + 4 <= bytes.length) {
                        long value = random.nextBoolean() ? NASTY[random.nextInt(NASTY.length)] : random.nextInt();
                        for (int k = 0; k < 4; k++) {
                            bytes[at + k] = (byte) (value >>> (8 * (random.nextBoolean() ? k : 3 - k)));
                        }
                    } else {
                        bytes[at] = (byte) random.nextInt(256);
                    }
                }
                check(sample.getKey() + " mutation " + i, bytes, failures);
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " unexpected exceptions, first: " + failures.subList(0, Math.min(5, failures.size())));
        }
    }

    private static void check(String what, byte[] bytes, List<String> failures) {
        try {
            BinaryFile binary = Binaries.parse(what, bytes);
            binary.facts();
            binary.describe();
            new ArtifactVerifier(new ExpectedMachine("aarch64", true, false, "linux",
                    Optional.of("hard"))).verify(binary, List.of("Java_x")).toJson();
        } catch (BinaryFormatException expected) {
            // the only allowed failure
        } catch (RuntimeException | StackOverflowError | OutOfMemoryError e) {
            StackTraceElement top = e.getStackTrace().length > 0 ? e.getStackTrace()[0] : null;
            failures.add(what + ": " + e + " at " + top);
        }
    }
}
