package dev.crossbuild.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbuild.toolchain.Compiler;
import dev.crossbuild.toolchain.CompilerId;
import dev.crossbuild.toolchain.Language;
import dev.crossbuild.toolchain.Tool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckCacheTest {

    private static final CompilerId ID = new CompilerId("gcc", "12.2.0", "aarch64-linux-gnu", Optional.empty());
    private static final Compiler COMPILER = new Compiler(Language.C,
            new Tool("aarch64-linux-gnu-gcc", List.of("aarch64-linux-gnu-gcc"), "test"), ID);
    private static final CheckRequest REQUEST = new CheckRequest(List.of("long"), List.of("double"),
            List.of("stdint.h"), List.of("printf"), List.of("__aarch64__", "__x86_64__"));
    private static final CheckResults RESULTS = new CheckResults(Map.of("long", 8), Map.of("double", 8),
            Map.of("stdint.h", true), Map.of("printf", true),
            new java.util.LinkedHashMap<>(Map.of("__aarch64__", Optional.of("1"))) {
                {
                    put("__x86_64__", Optional.empty());
                }
            }, 2, Optional.of(ID));

    @TempDir
    Path directory;

    @Test
    void storedAnswersComeBackWithZeroRuns() throws IOException {
        CheckCache cache = CheckCache.in(directory);
        cache.store("abc", RESULTS);

        assertEquals(Optional.of(RESULTS.withCompilerRuns(0)), cache.load("abc", REQUEST, ID));
        assertEquals(Optional.empty(), cache.load("other", REQUEST, ID));
        assertEquals(directory.resolve("compiler-checks.json"), cache.file());
        assertTrue(Files.readString(cache.file()).startsWith("{\n  \"format\": " + CheckFingerprint.FORMAT
                + ",\n  \"entries\": {\n    \"abc\": {"));
    }

    @Test
    void aMissingDamagedOrForeignFileIsAMiss() throws IOException {
        CheckCache cache = CheckCache.in(directory);
        assertEquals(Optional.empty(), cache.load("abc", REQUEST, ID));

        for (String text : List.of("{", "[]", "{\"format\": 2, \"entries\": {}}", "{\"format\": 1, \"entries\": []}",
                "{\"format\": 1, \"entries\": {\"abc\": {\"sizeof\": {\"long\": \"8\"}}}}",
                "{\"format\": 1, \"entries\": {\"abc\": 1}}")) {
            Files.writeString(cache.file(), text);
            assertEquals(Optional.empty(), cache.load("abc", REQUEST, ID), text);
        }
        Files.write(cache.file(), new byte[] {(byte) 0xff, (byte) 0xfe});
        assertEquals(Optional.empty(), cache.load("abc", REQUEST, ID));

        cache.store("abc", RESULTS);
        assertEquals(Optional.of(RESULTS.withCompilerRuns(0)), cache.load("abc", REQUEST, ID), "a store repairs it");
    }

    @Test
    void anEntryThatDoesNotAnswerExactlyTheRequestIsAMiss() throws IOException {
        CheckCache cache = CheckCache.in(directory);
        cache.store("abc", RESULTS);
        CheckRequest other = new CheckRequest(List.of("long", "int"), List.of("double"), List.of("stdint.h"),
                List.of("printf"), List.of("__aarch64__", "__x86_64__"));

        assertEquals(Optional.empty(), cache.load("abc", other, ID));
    }

    @Test
    void keepsOnlyTheNewestEntries() throws IOException {
        CheckCache cache = CheckCache.in(directory);
        for (int i = 0; i < CheckCache.MAX_ENTRIES + 2; i++) {
            cache.store("fp" + i, RESULTS);
        }
        cache.store("fp2", RESULTS); // stored again: becomes the newest
        cache.store("new", RESULTS); // pushes out the oldest, now fp3

        assertEquals(Optional.empty(), cache.load("fp0", REQUEST, ID));
        assertEquals(Optional.empty(), cache.load("fp1", REQUEST, ID));
        assertEquals(Optional.empty(), cache.load("fp3", REQUEST, ID));
        assertTrue(cache.load("fp2", REQUEST, ID).isPresent());
        assertTrue(cache.load("fp4", REQUEST, ID).isPresent());
    }

    @Test
    void fingerprintChangesWithEveryInput() throws IOException {
        String base = CheckFingerprint.of(COMPILER, List.of("-O2"), List.of(), REQUEST);
        assertEquals(base, CheckFingerprint.of(COMPILER, List.of("-O2"), List.of(), REQUEST));

        assertNotEquals(base, CheckFingerprint.of(COMPILER, List.of("-O1"), List.of(), REQUEST));
        assertNotEquals(base, CheckFingerprint.of(COMPILER, List.of("-O2"), List.of("-lm"), REQUEST));
        assertNotEquals(base, CheckFingerprint.of(COMPILER, List.of("-O2"), List.of(), CheckRequest.empty()));
        assertNotEquals(base, CheckFingerprint.of(new Compiler(Language.C, COMPILER.tool(),
                new CompilerId("gcc", "13.1.0", "aarch64-linux-gnu", Optional.empty())), List.of("-O2"), List.of(), REQUEST));
        assertNotEquals(base, CheckFingerprint.of(new Compiler(Language.CPP, COMPILER.tool(), ID), List.of("-O2"),
                List.of(), REQUEST));

        Path program = Files.writeString(directory.resolve("fake-gcc"), "v1");
        Compiler real = new Compiler(Language.C, new Tool("fake-gcc", List.of(program.toString()), "test"), ID);
        String before = CheckFingerprint.of(real, List.of(), List.of(), REQUEST);
        Files.writeString(program, "version 2");
        assertNotEquals(before, CheckFingerprint.of(real, List.of(), List.of(), REQUEST), "a replaced compiler binary");
    }
}
