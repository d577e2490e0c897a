package dev.crossbuild.crossfile;

import static dev.crossbuild.crossfile.MachineFileTexts.HOME;
import static dev.crossbuild.crossfile.MachineFileTexts.error;
import static dev.crossbuild.crossfile.MachineFileTexts.parse;
import static dev.crossbuild.crossfile.MachineFileTexts.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The parser limits ({@link MachineFileLimits}, issue 14): each recipe that once overflowed the stack or exhausted
 * memory now ends in a {@code file:line} error naming the limit, quickly. The timeouts are generous guards against a
 * hang, not timing assertions.
 */
class MachineFileLimitsTest {

    private static final Duration QUICKLY = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private static CrossFileException quickError(String text) {
        return assertTimeoutPreemptively(QUICKLY, () -> error(text));
    }

    private static String repeat(String text, int times, String separator) {
        return String.join(separator, Collections.nCopies(times, text));
    }

    // --- nesting

    @Test
    void twoThousandNestedBracketsAreRejectedAtTheNestingLimit() {
        CrossFileException e = quickError("[p]\nx = " + "[".repeat(2_000) + "]".repeat(2_000) + "\n");

        assertEquals("test.ini:2: value of 'x' nests [...] and (...) more than 32 levels deep, over the limit for one"
                + " value; machine-file values need one or two levels", e.getMessage());
        assertEquals(Optional.of("x"), e.key());
    }

    @Test
    void tenThousandNestedBracketsAreRejectedAtTheTokenLimitBeforeAnyParsing() {
        CrossFileException e = quickError("[p]\nx = " + "[".repeat(10_000) + "]".repeat(10_000) + "\n");

        assertEquals("test.ini:2: value of 'x' has more than 10,000 tokens (strings, names, numbers, operators,"
                + " brackets), over the limit for one value; real values have a few dozen: is the file damaged, or"
                + " generated wrongly?", e.getMessage());
    }

    @Test
    void nestingUpToTheLimitIsFineAndOneMoreIsNot() throws CrossFileException {
        assertEquals(Value.of("a"), value("(".repeat(32) + "'a'" + ")".repeat(32)));
        assertEquals(Value.ofStrings(List.of("a")), value("(".repeat(31) + "['a']" + ")".repeat(31)));

        CrossFileException e = error("[p]\nx = " + "(".repeat(33) + "'a'" + ")".repeat(33) + "\n");
        assertTrue(e.getMessage().startsWith("test.ini:2: value of 'x' nests [...] and (...) more than 32 levels"),
                e.getMessage());
    }

    @Test
    void theNestingErrorNamesTheLineOfTheBracketThatGoesTooDeep() {
        String lines = IntStream.range(0, 33).mapToObj(i -> "    [").collect(Collectors.joining("\n"));

        CrossFileException e = quickError("[p]\nx = \n" + lines + "\n");

        assertEquals(35, e.line()); // the 33rd '[' is on the 33rd continuation line
    }

    // --- expression size

    @Test
    void aPlusChainOfEightThousandTermsIsRejectedAtTheTokenLimit() {
        CrossFileException e = quickError("[p]\nx = " + repeat("'a'", 8_000, " + ") + "\n");

        assertTrue(e.getMessage().startsWith("test.ini:2: value of 'x' has more than 10,000 tokens"), e.getMessage());
    }

    @Test
    void theLongestChainUnderTheTokenLimitNeedsNoDeepStack() throws Exception {
        // 5,000 terms = 9,999 tokens: evaluated in a loop, so even a 128 KB thread stack is plenty
        String text = "[p]\nx = " + repeat("'a'", 5_000, " + ") + "\ny = " + repeat("'b'", 5_000, " / ") + "\n";
        AtomicReference<Object> outcome = new AtomicReference<>();
        Thread thread = new Thread(null, () -> {
            try {
                outcome.set(parse(text));
            } catch (CrossFileException | RuntimeException | StackOverflowError e) {
                outcome.set(e);
            }
        }, "small-stack", 128 * 1024);
        thread.start();
        thread.join(QUICKLY.toMillis());

        MachineFile file = assertInstanceOf(outcome.get());
        assertEquals(Value.of("a".repeat(5_000)), file.entry("p", "x").orElseThrow().value());
        assertEquals(Value.of(repeat("b", 5_000, "/")), file.entry("p", "y").orElseThrow().value());
    }

    private static MachineFile assertInstanceOf(Object outcome) {
        if (outcome instanceof MachineFile file) {
            return file;
        }
        throw new AssertionError("expected a parsed file, got " + outcome);
    }

    @Test
    void anArrayOfFiveThousandElementsIsUnderTheTokenLimit() throws CrossFileException {
        Value array = value("[" + repeat("'a'", 4_999, ", ") + "]");

        assertEquals(4_999, ((Value.Array) array).elements().size());
    }

    // --- @DIRNAME@

    @Test
    void dirnameRepeatedTenThousandTimesInAStringIsRejectedAtTheValueLimit() throws IOException {
        Path file = dir.resolve("cross.ini");
        Files.writeString(file, "[properties]\nx = '" + "@DIRNAME@".repeat(10_000) + "'\n");
        int expected = (dir.toAbsolutePath().toString().length()) * 10_000;

        CrossFileException e = assertTimeoutPreemptively(QUICKLY, () -> assertThrows(CrossFileException.class,
                () -> MachineFile.parse(List.of(MachineFileSource.read(file)), HOME)));

        assertEquals(file + ":2: value of 'x' has a string of " + MachineFileLimits.count(expected) + " characters,"
                + " over the limit of 131,072 for one value (Linux cannot pass a longer string as one command-line"
                + " argument)", e.getMessage());
    }

    @Test
    void dirnameRepeatedTenThousandTimesAsPathsIsRejectedAtTheTokenLimit() {
        // the folder /machine/files makes '/dir' / machine / files / machine / files ...: once a StackOverflowError
        byte[] text = ("[properties]\nx = '@DIRNAME@' " + "@DIRNAME@".repeat(10_000) + "\n")
                .getBytes(StandardCharsets.UTF_8);
        MachineFileSource source = new MachineFileSource("cross.ini", Optional.of(Path.of("/machine/files/cross.ini")),
                text);

        CrossFileException e = assertTimeoutPreemptively(QUICKLY, () -> assertThrows(CrossFileException.class,
                () -> MachineFile.parse(List.of(source), HOME)));

        assertTrue(e.getMessage().startsWith("cross.ini:2: value of 'x' has more than 10,000 tokens"), e.getMessage());
    }

    @Test
    void dirnameThatWouldBlowTheFileUpPastTheFileLimitIsRejectedOnItsLine() throws IOException {
        Path deep = Files.createDirectories(dir.resolve("a-rather-long-folder-name-".repeat(4)));
        Path file = deep.resolve("cross.ini");
        String comment = "# " + "@DIRNAME@".repeat(1_000) + "\n"; // about 100 KB once replaced
        Files.writeString(file, "[properties]\n" + comment.repeat(20));

        CrossFileException e = assertTimeoutPreemptively(QUICKLY, () -> assertThrows(CrossFileException.class,
                () -> MachineFile.parse(List.of(MachineFileSource.read(file)), HOME)));

        assertTrue(e.line() > 2 && e.line() <= 21, e.getMessage());
        assertTrue(e.problem().startsWith("replacing @DIRNAME@ with " + deep),
                e.getMessage());
        assertTrue(e.problem().contains("makes the file longer than the limit of 1,048,576 characters (1 MiB)"),
                e.getMessage());
    }

    // --- value size while evaluating

    @Test
    void constantsThatDoubleOnEveryLineFailAtTheFirstValueOverTheLimit() {
        List<String> lines = new ArrayList<>(List.of("[constants]", "c0 = 'aaaaaaaaaa'"));
        for (int i = 1; i <= 40; i++) {
            lines.add("c" + i + " = c" + (i - 1) + " + c" + (i - 1));
        }

        CrossFileException e = quickError(String.join("\n", lines) + "\n");

        // 10 * 2^14 = 163,840 is the first size over 131,072: c14, on line 16
        assertEquals("test.ini:16: value of 'c14' would be 163,840 characters long after this '+', over the limit of"
                + " 131,072 for one value (Linux cannot pass a longer string as one command-line argument); do"
                + " constants build on each other in a loop of doubling?", e.getMessage());
        assertEquals(Optional.of("c14"), e.key());
    }

    @Test
    void arraysThatDoubleFailTheSameWay() {
        List<String> lines = new ArrayList<>(List.of("[constants]", "c0 = ['a', 'b']"));
        for (int i = 1; i <= 40; i++) {
            lines.add("c" + i + " = c" + (i - 1) + " + c" + (i - 1));
        }

        CrossFileException e = quickError(String.join("\n", lines) + "\n");

        // 4 * 2^16 = 262,144 is the first size over 131,072 (2^15 * 4 is exactly the limit): c16, on line 18
        assertTrue(e.getMessage().startsWith("test.ini:18: value of 'c16' would be 262,144 characters long after"
                + " this '+'"), e.getMessage());
    }

    @Test
    void pathJoinsAreHeldToTheValueLimitToo() {
        List<String> lines = new ArrayList<>(List.of("[constants]", "c0 = 'aaaaaaaaaa'"));
        for (int i = 1; i <= 40; i++) {
            lines.add("c" + i + " = c" + (i - 1) + " / c" + (i - 1));
        }

        CrossFileException e = quickError(String.join("\n", lines) + "\n");

        assertTrue(e.getMessage().startsWith("test.ini:16: value of 'c14' would be "), e.getMessage());
        assertTrue(e.getMessage().contains(" characters long after this '/'"), e.getMessage());
    }

    @Test
    void aStringLiteralAtTheValueLimitIsFineAndOneCharacterMoreIsNot() throws CrossFileException {
        assertEquals(131_072, ((Value.Str) value("'" + "x".repeat(131_072) + "'")).value().length());

        CrossFileException e = error("[p]\nx = '''" + "x".repeat(131_073) + "'''\n");
        assertEquals("test.ini:2: value of 'x' has a string of 131,073 characters, over the limit of 131,072 for one"
                + " value (Linux cannot pass a longer string as one command-line argument)", e.getMessage());
    }

    @Test
    void anArrayOfNamesIsHeldToTheValueLimit() {
        String big = "x".repeat(100_000);

        CrossFileException e = quickError("[constants]\nbig = '" + big + "'\nall = [big, big]\n");

        assertEquals("test.ini:3: value of 'all' has an array of 200,002 characters (its strings plus one per"
                + " element), over the limit of 131,072 for one value", e.getMessage());
    }

    @Test
    void everythingPlusAndSlashMakeIsHeldToOneBudgetPerRole() {
        // each value is under the value limit, but together they would hold gigabytes
        StringBuilder text = new StringBuilder("[constants]\nbig = '" + "x".repeat(100_000) + "'\n[properties]\n");
        for (int i = 0; i < 10_000; i++) {
            text.append("p").append(i).append(" = big + 'y'\n");
        }

        CrossFileException e = quickError(text.toString());

        // 16,777,216 / 100,001 = 167.8: the 168th key (p167, on line 171) is the first over
        assertEquals("test.ini:171: value of 'p167' brings the text made by + and / in these machine files to more"
                + " than 16,777,216 characters, over the limit for the files of one role; real files make a few"
                + " thousand (do constants build on each other in a loop of doubling?)", e.getMessage());
    }

    @Test
    void errorsAboutAHugeValueQuoteOnlyItsBeginning() {
        CrossFileException e = quickError("[p]\nx = '" + "x".repeat(100_000) + "' + ['y']\n");

        assertTrue(e.getMessage().length() < 600, e.getMessage());
        assertTrue(e.getMessage().contains("x".repeat(160) + "... (100,000 characters)"), e.getMessage());
    }

    @Test
    void aHugeLineIsQuotedByItsBeginningOnly() {
        CrossFileException e = quickError("[p]\n" + "x".repeat(100_000) + "\n");

        assertEquals("test.ini:2: expected 'key = value' or a [section] header, found \"" + "x".repeat(160)
                + "... (100,000 characters)\"; a key line needs '=' between key and value", e.getMessage());
    }

    @Test
    void noMessageOrWarningGrowsPastAThousandCharactersWhateverItQuotes() {
        String name = "s".repeat(50_000);
        CrossFileWarning warning = new CrossFileWarning("test.ini", 1, Optional.empty(), "unknown section [" + name
                + "] is ignored");
        CrossFileException error = new CrossFileException("test.ini", 1, null, "section [" + name + "]: remedy");

        assertTrue(warning.message().length() <= MachineFileLimits.MESSAGE_CHARS + 50, warning.message());
        assertTrue(warning.message().endsWith("s] is ignored"), warning.message());
        assertTrue(warning.message().contains(" [... 49,129 characters left out ...] "), warning.message());
        assertTrue(error.problem().endsWith("]: remedy"), error.problem());
        assertTrue(error.getMessage().length() <= MachineFileLimits.MESSAGE_CHARS + 60, error.getMessage());
    }

    // --- file size

    @Test
    void aFileOverOneMebibyteIsRejectedAsAWholeBeforeItIsRead() throws IOException {
        Path file = dir.resolve("huge.ini");
        Files.writeString(file, "[properties]\n" + "# padding\n".repeat(200_000)); // 2 MB

        CrossFileException e = assertTimeoutPreemptively(QUICKLY, () -> assertThrows(CrossFileException.class,
                () -> MachineFileSource.read(file)));

        assertEquals(file + ": the machine file is larger than the limit of 1,048,576 bytes (1 MiB); machine files"
                + " are small text files (Meson's own are at most a few KB): is this the right file?", e.getMessage());
        assertEquals(0, e.line());
    }

    @Test
    void anEndlessFileIsReadOnlyUpToTheLimit() {
        Path zero = Path.of("/dev/zero");
        if (Files.isReadable(zero)) {
            CrossFileException e = assertTimeoutPreemptively(QUICKLY, () -> assertThrows(CrossFileException.class,
                    () -> MachineFileSource.read(zero)));
            assertTrue(e.problem().startsWith("the machine file is larger than the limit"), e.getMessage());
        }
    }

    @Test
    void aSourceInMemoryIsHeldToTheSameLimit() {
        byte[] content = ("[properties]\n" + "# padding\n".repeat(110_000)).getBytes(StandardCharsets.UTF_8);

        CrossFileException e = assertThrows(CrossFileException.class,
                () -> MachineFile.parse(List.of(MachineFileSource.of("big.ini", content)), HOME));

        assertEquals(0, e.line());
        assertTrue(e.getMessage().startsWith("big.ini: the machine file is larger than the limit"), e.getMessage());
    }

    @Test
    void aFileJustUnderTheLimitWithManyKeysIsReadQuickly() {
        StringBuilder text = new StringBuilder("[properties]\n");
        int i = 0;
        while (text.length() < MachineFileLimits.FILE_BYTES - 100) {
            text.append("k").append(i++).append(" = 'v'\n");
        }

        MachineFile file = assertTimeoutPreemptively(QUICKLY, () -> parse(text.toString()));

        assertEquals(i, file.section("properties").orElseThrow().entries().size());
    }

    @Test
    void aHugeMisspeltNameGetsItsMessageQuickly() {
        String key = "cpu_famliy" + "y".repeat(500_000);

        assertTimeoutPreemptively(QUICKLY, () -> assertThrows(CrossFileException.class, () -> CrossEnvironment.load(
                List.of(MachineFileTexts.source("[host_machine]\n" + key + " = 'x'\n")), List.of(),
                dev.crossbuild.machine.BuildMachineDetector.detect(dev.crossbuild.exec.HostEnvironment.system()),
                HOME)));
    }
}
