package dev.crossbuild.crossfile;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.crossbuild.exec.HostEnvironment;
import dev.crossbuild.machine.BuildMachineDetector;
import dev.crossbuild.machine.Machine;
import dev.crossbuild.testing.Fixtures;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes the machine-file reader (issue 14 item 9) with seeded mutations ({@link MachineFileMutator}) of the bundled
 * presets and of every machine file in the fixtures (Meson's own cross files, its test-suite files, the empirical
 * cases). The only outcomes allowed: the files load, or a {@link CrossFileException} with a line (line 0 only for the
 * documented whole-file case, a file over the size limit). Never another exception, never a hang: each case runs on
 * a thread with a small stack, under a timeout. Loaded values and messages must be free of control characters, and
 * messages short.
 * <p>
 * Deterministic: case {@code i} uses {@code new Random(seed * 1_000_003 + i)}. System properties: {@code cross.fuzz.cases}
 * (default 10,000), {@code cross.fuzz.seed} (default 14), {@code cross.fuzz.meson} (mutants compared with the installed
 * Meson, default 8: each costs one {@code meson setup}). A failing case is written to
 * {@code target/fuzz-failures/} and named with its seed and index.
 */
class MachineFileFuzzTest {

    private static final long SEED = Long.getLong("cross.fuzz.seed", 14);
    private static final int CASES = Integer.getInteger("cross.fuzz.cases", 10_000);
    private static final int MESON_CASES = Integer.getInteger("cross.fuzz.meson", 8);
    private static final long PER_CASE_SECONDS = 10;
    private static final int STACK_BYTES = 512 * 1024;
    private static final int MESSAGE_CHARS = 1_000;

    private static final Machine BUILD = BuildMachineDetector.detect(HostEnvironment.system());
    private static final MachineFileContext CONTEXT =
            new MachineFileContext(Optional.of(Path.of("/src/root")), Optional.of(Path.of("/home/fuzz")));
    private static final Path FAILURES = Path.of("target", "fuzz-failures");
    /**
     * How Meson words its checks of option values, which cross does not make (see {@link #knownDifference}); the
     * rest ("Value ... for string option ...", "Unknown options ...") name the option. Its machine-file errors never
     * do, apart from configparser's "Malformed machine file: ... option 'c' ... already exists".
     */
    private static final String[] OPTION_CHECKS = {"option", "is not boolean", "must be an absolute path",
        "is not an integer", "Invalid value"};

    /** Seed name -> bytes, in a fixed order. */
    private static final Map<String, byte[]> CORPUS = new LinkedHashMap<>();
    private static ExecutorService executor;

    @TempDir
    static Path work;

    @BeforeAll
    static void loadCorpus() throws IOException {
        for (String preset : CrossFileLocator.presetNames()) {
            try (InputStream in = CrossFileLocator.class.getResourceAsStream("/dev/crossbuild/presets/" + preset)) {
                CORPUS.put("preset:" + preset, in.readAllBytes());
            }
        }
        Path root = Fixtures.mesonCross();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".md"))
                    .filter(f -> !f.toString().endsWith(".lcf")).sorted().toList()) {
                CORPUS.put(root.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        executor = smallStackExecutor();
    }

    @AfterAll
    static void stopExecutor() {
        executor.shutdownNow();
    }

    /** One mutant and how it is loaded. */
    private record Case(int index, String seedName, byte[] bytes, List<String> mutations, int mode, String otherName) {

        static Case generate(int index) {
            Random random = new Random(SEED * 1_000_003 + index);
            List<String> names = new ArrayList<>(CORPUS.keySet());
            String seedName = names.get(random.nextInt(names.size()));
            MachineFileMutator mutator = new MachineFileMutator(List.copyOf(CORPUS.values()), random);
            byte[] bytes = mutator.mutate(CORPUS.get(seedName));
            int mode = random.nextInt(6); // 0: as a native file, 1: layered over another file, else one cross file
            String otherName = names.get(random.nextInt(names.size()));
            return new Case(index, seedName, bytes, List.copyOf(mutator.applied()), mode, otherName);
        }

        byte[] other() {
            return CORPUS.get(otherName);
        }

        String describe() {
            return "case " + index + " (-Dcross.fuzz.seed=" + SEED + "): " + seedName + " after " + mutations
                    + (mode == 0 ? ", as a native file" : mode == 1 ? ", layered over " + otherName : "");
        }
    }

    @Test
    void everyMutantLoadsOrFailsWithFileAndLine() throws Exception {
        Map<String, Integer> outcomes = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        long start = System.nanoTime();
        int cases = 0;
        // a broken reader may hang on many cases: 20 failures tell enough, and stop the run long before 10 s each
        for (; cases < CASES && failures.size() < 20; cases++) {
            Case mutant = Case.generate(cases);
            String problem = run(mutant, outcomes);
            if (problem != null) {
                failures.add(report(mutant, problem));
            }
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        System.out.printf("machine-file fuzz: %,d cases (seed %d) in %,d ms: %s%n", cases, SEED, millis, outcomes);
        if (!failures.isEmpty()) {
            fail(failures.size() + " of " + cases + " mutants broke the reader's contract; the first ones:\n"
                    + String.join("\n\n", failures.subList(0, Math.min(5, failures.size()))));
        }
    }

    /** The contract's breach for this case, or null. */
    private static String run(Case mutant, Map<String, Integer> outcomes) throws InterruptedException {
        Future<String> future = executor.submit(() -> load(mutant, outcomes));
        try {
            return future.get(PER_CASE_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            executor.shutdownNow(); // the stuck thread is a daemon; the next cases get a fresh one
            executor = smallStackExecutor();
            return "no answer after " + PER_CASE_SECONDS + " s";
        } catch (ExecutionException e) {
            return "the test itself failed: " + trace(e.getCause());
        }
    }

    private static String load(Case mutant, Map<String, Integer> outcomes) {
        MachineFileSource source = new MachineFileSource("fuzz.ini", Optional.of(Path.of("/fuzz/a dir/fuzz.ini")),
                mutant.bytes());
        MachineFileSource other = MachineFileSource.of("other.ini", mutant.other());
        try {
            CrossEnvironment environment = switch (mutant.mode()) {
                case 0 -> CrossEnvironment.load(List.of(), List.of(source), BUILD, CONTEXT);
                case 1 -> CrossEnvironment.load(List.of(other, source), List.of(), BUILD, CONTEXT);
                default -> CrossEnvironment.load(List.of(source), List.of(), BUILD, CONTEXT);
            };
            count(outcomes, "loaded");
            return loadedProblem(environment);
        } catch (CrossFileException e) {
            count(outcomes, category(e));
            return rejectedProblem(e);
        } catch (Throwable e) { // the point of the test: any other exception or error breaks the contract
            return trace(e);
        }
    }

    private static synchronized void count(Map<String, Integer> outcomes, String outcome) {
        outcomes.merge(outcome, 1, Integer::sum);
    }

    private static String category(CrossFileException e) {
        if (e.line() == 0) {
            return "rejected: whole file";
        }
        if (e.problem().contains("over the limit") || e.problem().contains("larger than the limit")
                || e.problem().contains("longer than the limit")) {
            return "rejected: a limit";
        }
        return e.problem().contains("control character") ? "rejected: control character" : "rejected: other";
    }

    private static String rejectedProblem(CrossFileException e) {
        boolean wholeFile = e.line() == 0 && e.problem().startsWith("the machine file is larger than the limit");
        if (e.line() <= 0 && !wholeFile) {
            return "a CrossFileException without a line: " + e.getMessage();
        }
        if (!e.file().isPresent()) {
            return "a CrossFileException without a file: " + e.getMessage();
        }
        return textProblem("the message", e.getMessage());
    }

    private static String loadedProblem(CrossEnvironment environment) {
        for (MachineConfig config : List.of(environment.host(), environment.build())) {
            for (Map.Entry<String, List<String>> binary : config.binaries().entries().entrySet()) {
                for (String word : binary.getValue()) {
                    String problem = textProblem("[binaries] " + binary.getKey(), word);
                    if (problem != null) {
                        return problem;
                    }
                }
            }
            for (Map<String, Value> values : List.of(config.properties(), config.builtInOptions(),
                    config.projectOptions(), config.cmake())) {
                for (Map.Entry<String, Value> entry : values.entrySet()) {
                    String problem = textProblem("the value of " + entry.getKey(), entry.getValue().mesonRepr());
                    if (problem != null) {
                        return problem;
                    }
                }
            }
        }
        return null;
    }

    /** Control characters (tab and line feed aside) must never get through, nor into a message. */
    private static String textProblem(String what, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\n') {
                return what + " holds the control character " + ValueText.character(c) + ": "
                        + MachineFileLimits.abbreviate(text.replaceAll("\\p{Cc}", "?"));
            }
        }
        if (what.equals("the message") && text.length() > MESSAGE_CHARS) {
            return "the message has " + text.length() + " characters: " + MachineFileLimits.abbreviate(text);
        }
        return null;
    }

    private static String report(Case mutant, String problem) {
        String saved;
        try {
            Files.createDirectories(FAILURES);
            Path file = FAILURES.resolve("seed-" + SEED + "-case-" + mutant.index() + ".ini");
            Files.write(file, mutant.bytes());
            saved = "saved as " + file.toAbsolutePath();
        } catch (IOException e) {
            saved = "not saved: " + e;
        }
        return mutant.describe() + "; " + saved + "\n" + problem;
    }

    private static String trace(Throwable e) {
        StringWriter text = new StringWriter();
        e.printStackTrace(new PrintWriter(text));
        return text.toString().lines().limit(12).reduce((a, b) -> a + "\n" + b).orElse("");
    }

    private static ExecutorService smallStackExecutor() {
        return Executors.newSingleThreadExecutor(task -> {
            // a small stack makes any deep recursion show at once, whatever stack Maven's thread would have
            Thread thread = new Thread(null, task, "machine-file-fuzz", STACK_BYTES);
            thread.setDaemon(true);
            return thread;
        });
    }

    // --- differential: valid mutants against the installed Meson

    /**
     * Mutants our reader loads, compared with {@code meson setup} (machines, flags and every {@code [properties]}
     * value, see {@link MesonProbe}). Deliberate differences are recognised by {@link #knownDifference} and counted,
     * not failed; seeds that already differ ({@link MesonAgreementTest#DIFFERENCES}) are left out.
     */
    @Test
    void loadedMutantsAgreeWithMeson() throws Exception {
        assumeTrue(MESON_CASES > 0, "-Dcross.fuzz.meson=0");
        assumeTrue(MesonProbe.mesonAvailable(), "meson is not installed; run scripts/install-toolchains.sh");
        List<String> differences = new ArrayList<>();
        Map<String, Integer> known = new TreeMap<>();
        int compared = 0;
        long start = System.nanoTime();
        for (int i = 0; compared < MESON_CASES && i < 100 * MESON_CASES; i++) {
            Case mutant = Case.generate(CASES + i); // other cases than the first test's
            if (mutant.mode() == 0 || !comparable(mutant.seedName())
                    || (mutant.mode() == 1 && !comparable(mutant.otherName()))) {
                continue;
            }
            Path dir = Files.createTempDirectory(work, "case");
            List<Path> files = new ArrayList<>();
            if (mutant.mode() == 1) {
                files.add(Files.write(dir.resolve("other.ini"), mutant.other()));
            }
            files.add(Files.write(dir.resolve("fuzz.ini"), mutant.bytes()));
            List<String> properties = propertyKeys(files);
            if (properties == null) {
                continue; // we reject it: the first test covers rejections
            }
            compared++;
            String ours = MesonProbe.ours(files, properties);
            MesonProbe.Outcome meson = MesonProbe.mesonOutcome(files, properties, work);
            if (!ours.equals(meson.description())) {
                String text = new String(mutant.bytes(), StandardCharsets.ISO_8859_1)
                        + (mutant.mode() == 1 ? new String(mutant.other(), StandardCharsets.ISO_8859_1) : "");
                Optional<String> reason = knownDifference(text, meson.error());
                if (reason.isPresent()) {
                    known.merge(reason.get(), 1, Integer::sum);
                } else {
                    differences.add(report(mutant, "ours:\n" + ours + "\nmeson:\n" + meson.description() + "\n"
                            + meson.error()));
                }
            }
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        System.out.printf("machine-file fuzz against meson: %d loaded mutants in %,d ms; known differences: %s%n",
                compared, millis, known);
        assertTrue(differences.isEmpty(), differences.size() + " loaded mutants differ from Meson:\n"
                + String.join("\n\n", differences.subList(0, Math.min(5, differences.size()))));
    }

    /** Seeds Meson and we already read alike; native files and templates need more than a probe project. */
    private static boolean comparable(String seedName) {
        return !MesonAgreementTest.DIFFERENCES.containsKey(seedName) && !seedName.startsWith("tests/unit-69-cross")
                && !seedName.endsWith(".in");
    }

    /** Our host's {@code [properties]} keys, or null when we reject the files. */
    private static List<String> propertyKeys(List<Path> files) {
        try {
            List<MachineFileSource> sources = new ArrayList<>();
            for (Path file : files) {
                sources.add(MachineFileSource.read(file));
            }
            MachineFileContext context =
                    new MachineFileContext(Optional.empty(), Optional.of(Path.of(System.getProperty("user.home"))));
            return List.copyOf(CrossEnvironment.load(sources, List.of(), BUILD, context).host().properties().keySet());
        } catch (CrossFileException e) {
            return null;
        }
    }

    /**
     * Where we differ from Debian's Meson 1.0.1 on purpose (listed in the cross-file reference, "Limits" and
     * "Differences from Meson"): we follow Meson HEAD where 1.0.1 is older.
     */
    static Optional<String> knownDifference(String text, String mesonError) {
        if (mesonError.startsWith("RecursionError")) {
            return Optional.of("Meson runs out of recursion on a + or / chain of about 950 terms, which cross reads"
                    + " (up to 10,000 tokens)");
        }
        if (Stream.of(OPTION_CHECKS).anyMatch(mesonError::contains) && !mesonError.contains("Malformed")) {
            return Optional.of("option values are not checked against Meson's option table (cross uses only the"
                    + " compiler and linker arguments)");
        }
        if (text.contains("@DIRNAME@") || text.contains("@GLOBAL_SOURCE_ROOT@")) {
            return Optional.of("@DIRNAME@/@GLOBAL_SOURCE_ROOT@ are replaced (Meson >= 1.3; 1.0.1 keeps them)");
        }
        if (text.contains("~")) {
            return Optional.of("~ is the home directory (Meson >= 1.11; 1.0.1 rejects it)");
        }
        if (text.matches("(?s).*\\bf'.*")) {
            return Optional.of("f'...' is a plain string (Meson HEAD; 1.0.1 rejects it)");
        }
        return Optional.empty();
    }
}
