package dev.crossbuild.setup;

import dev.crossbuild.checks.CheckCache;
import dev.crossbuild.checks.CheckException;
import dev.crossbuild.checks.CheckResults;
import dev.crossbuild.checks.CompilerChecks;
import dev.crossbuild.crossfile.CrossEnvironment;
import dev.crossbuild.crossfile.MachineFileSource;
import dev.crossbuild.crossfile.Value;
import dev.crossbuild.exec.HostEnvironment;
import dev.crossbuild.exec.ProcessRunner;
import dev.crossbuild.io.AtomicFiles;
import dev.crossbuild.io.FileTrees;
import dev.crossbuild.io.Hashes;
import dev.crossbuild.json.Json;
import dev.crossbuild.json.JsonException;
import dev.crossbuild.json.JsonReader;
import dev.crossbuild.machine.MachineRole;
import dev.crossbuild.toolchain.Compiler;
import dev.crossbuild.toolchain.CompilerLaunchers;
import dev.crossbuild.toolchain.Diagnosis;
import dev.crossbuild.toolchain.DoctorRequest;
import dev.crossbuild.toolchain.Finding;
import dev.crossbuild.toolchain.Language;
import dev.crossbuild.toolchain.Toolchain;
import dev.crossbuild.toolchain.ToolchainJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Detects the host toolchain, runs the doctor and the compiler checks, detects the build machine's toolchain when
 * the module has build-machine tools ({@link BuildMachineToolchain}), and remembers a ready result: in the request's
 * cache folder, one file per classifier folder ({@code toolchain-<hash of the folder>.json}), which {@code mvn clean}
 * does not remove; else in the classifier folder's {@code toolchain-cache.json}. The cache is trusted only when the
 * machine files, PATH and the request are the same (a fingerprint) and every program of the cached toolchain still
 * has the size and modification time it had; a result that was not ready is never cached, so installing a missing
 * package always takes effect. A shared cache file unused for {@link #UNUSED_FOR} is deleted by the next store.
 */
final class ToolchainStep {

    static final String CACHE_FILE = "toolchain-cache.json";
    static final Duration UNUSED_FOR = Duration.ofDays(30);
    private static final String SHARED_PREFIX = "toolchain-";

    private final HostEnvironment host;
    private final ProcessRunner runner;

    ToolchainStep(HostEnvironment host, ProcessRunner runner) {
        this.host = host;
        this.runner = runner;
    }

    ToolchainReport resolve(CrossEnvironment environment, ToolchainRequest request, Path outputDirectory)
            throws CheckException, IOException {
        CountingProcessRunner counting = new CountingProcessRunner(runner);
        Path cacheFile = cacheFile(request, outputDirectory);
        String fingerprint = fingerprint(environment, request);
        Optional<DiagnosedToolchain> cached = load(cacheFile, fingerprint, environment, outputDirectory,
                request.cacheFolder().isPresent());
        DiagnosedToolchain resolved = cached.orElseGet(() -> DiagnosedToolchain.detect(environment,
                new DoctorRequest(request.languages(), request.strip(), request.libraries()), request.buildLanguages(),
                counting, host));
        // Launchers after the cache: installing ccache or changing DISTCC_HOSTS takes effect without detecting again.
        CompilerLaunchers.Launched launched = new CompilerLaunchers(runner, host).apply(resolved.toolchain(),
                resolved.buildToolchain(), request.launchers());
        Toolchain toolchain = launched.host();
        List<Finding> findings = new ArrayList<>(resolved.diagnosis().findings());
        findings.addAll(launched.findings());
        Diagnosis diagnosis = new Diagnosis(findings);
        Optional<Toolchain> buildToolchain = launched.build();
        Optional<CheckResults> checks = Optional.empty();
        if (diagnosis.ready()) {
            Compiler compiler = toolchain.compiler(Language.C).or(() -> toolchain.compiler(Language.CPP)).orElseThrow();
            String argsKey = compiler.language() == Language.C ? "c" : "cpp";
            checks = Optional.of(new CompilerChecks(counting, CheckCache.in(outputDirectory)).run(compiler,
                    strings(environment.host().builtInOptions().get(argsKey + "_args")),
                    strings(environment.host().builtInOptions().get(argsKey + "_link_args")),
                    request.checks(), environment.host().properties(), outputDirectory.resolve("checks")));
            if (cached.isEmpty()) {
                Optional<Finding> problem = store(cacheFile, fingerprint, outputDirectory, resolved,
                        request.cacheFolder().isPresent());
                if (problem.isPresent()) {
                    findings.add(problem.get());
                    diagnosis = new Diagnosis(findings);
                }
            }
        }
        return new ToolchainReport(toolchain, diagnosis, checks, counting.runs(), cached.isPresent(), buildToolchain,
                launched.launch());
    }

    /** Where the toolchain of the classifier folder {@code outputDirectory} is remembered. */
    static Path cacheFile(ToolchainRequest request, Path outputDirectory) {
        return request.cacheFolder().map(folder -> folder.resolve(SHARED_PREFIX
                        + Hashes.sha256(key(outputDirectory)).substring(0, 32) + ".json"))
                .orElseGet(() -> outputDirectory.resolve(CACHE_FILE));
    }

    private static String key(Path outputDirectory) {
        return outputDirectory.toAbsolutePath().normalize().toString();
    }

    private Optional<DiagnosedToolchain> load(Path cacheFile, String fingerprint, CrossEnvironment environment,
                                              Path outputDirectory, boolean shared) {
        if (!Files.isRegularFile(cacheFile)) {
            return Optional.empty();
        }
        try {
            Map<String, Object> json = JsonReader.parseObject(Files.readString(cacheFile, StandardCharsets.UTF_8));
            boolean otherFolder = json.containsKey("output_directory")
                    && !key(outputDirectory).equals(json.get("output_directory"));
            if (otherFolder || !fingerprint.equals(json.get("fingerprint"))
                    || !programsUnchanged(json.get("programs"))) {
                return Optional.empty();
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> toolchainJson = (Map<String, Object>) json.get("toolchain");
            @SuppressWarnings("unchecked")
            Map<String, Object> doctorJson = (Map<String, Object>) json.get("doctor");
            @SuppressWarnings("unchecked")
            Map<String, Object> buildJson = (Map<String, Object>) json.get("build_toolchain");
            return Optional.of(new DiagnosedToolchain(
                    ToolchainJson.read(toolchainJson, MachineRole.HOST, environment.machines().host()),
                    ToolchainJson.readDiagnosis(doctorJson),
                    Optional.ofNullable(buildJson).map(b -> ToolchainJson.read(b, MachineRole.BUILD,
                            environment.machines().build()))));
        } catch (IOException | JsonException | RuntimeException damaged) {
            return Optional.empty(); // a damaged cache only costs a fresh detection
        } finally {
            if (shared) {
                used(cacheFile);
            }
        }
    }

    /** Marks a shared cache file as used, so that pruning keeps it; one that cannot be touched is pruned sooner. */
    private static void used(Path cacheFile) {
        try {
            Files.setLastModifiedTime(cacheFile, FileTime.from(Instant.now()));
        } catch (IOException | RuntimeException ignored) {
            // only pruning reads the time
        }
    }

    private static boolean programsUnchanged(Object programs) throws IOException {
        if (!(programs instanceof List<?> list)) {
            return false;
        }
        for (Object entry : list) {
            if (!(entry instanceof Map<?, ?> program) || !stamp(Path.of((String) program.get("path"))).equals(program)) {
                return false;
            }
        }
        return true;
    }

    private static Map<String, Object> stamp(Path program) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("path", program.toString());
        boolean exists = Files.exists(program);
        json.put("size", exists ? Files.size(program) : -1L);
        json.put("modified", exists ? Files.getLastModifiedTime(program).toMillis() : -1L);
        return json;
    }

    /**
     * Stores a ready result. A shared folder that cannot be written is a warning (every setup then detects again),
     * never a failed build; the classifier folder's own file is written like every other output there.
     */
    private static Optional<Finding> store(Path cacheFile, String fingerprint, Path outputDirectory,
                                           DiagnosedToolchain resolved, boolean shared) throws IOException {
        if (!shared) {
            write(cacheFile, fingerprint, Optional.empty(), resolved);
            return Optional.empty();
        }
        try {
            write(cacheFile, fingerprint, Optional.of(key(outputDirectory)), resolved);
        } catch (IOException | RuntimeException e) {
            return Optional.of(Finding.warning("toolchain.cache", "Toolchain cache", "cannot write " + cacheFile
                    + " (" + e.getMessage() + "): every setup detects the toolchain again", Optional.of("make the "
                    + "folder writable, or name another with -Dcross.toolchainCache=<folder>")));
        }
        try {
            FileTrees.deleteOlder(cacheFile.getParent(), SHARED_PREFIX + "*.json", Instant.now().minus(UNUSED_FOR));
        } catch (IOException | RuntimeException ignored) {
            // pruning is housekeeping: another build's file, or one it is writing; tried again next time
        }
        return Optional.empty();
    }

    private static void write(Path cacheFile, String fingerprint, Optional<String> outputDirectory,
                              DiagnosedToolchain resolved) throws IOException {
        Toolchain toolchain = resolved.toolchain();
        Diagnosis diagnosis = resolved.diagnosis();
        Optional<Toolchain> buildToolchain = resolved.buildToolchain();
        List<Path> paths = new ArrayList<>(ToolchainJson.programs(toolchain));
        buildToolchain.ifPresent(build -> ToolchainJson.programs(build).stream()
                .filter(p -> !paths.contains(p)).forEach(paths::add));
        List<Object> programs = new ArrayList<>();
        for (Path program : paths) {
            programs.add(stamp(program));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("fingerprint", fingerprint);
        outputDirectory.ifPresent(folder -> json.put("output_directory", folder));
        json.put("programs", programs);
        json.put("toolchain", ToolchainJson.write(toolchain));
        json.put("doctor", diagnosis.toJson());
        buildToolchain.ifPresent(build -> json.put("build_toolchain", ToolchainJson.write(build)));
        AtomicFiles.writeString(cacheFile, Json.write(json) + "\n");
    }

    /** SHA-256 of everything detection and the doctor depend on besides the programs themselves. */
    private String fingerprint(CrossEnvironment environment, ToolchainRequest request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (List<MachineFileSource> files : List.of(environment.crossFiles(), environment.nativeFiles())) {
                for (MachineFileSource file : files) {
                    update(digest, file.name());
                    digest.update(file.content());
                }
                update(digest, "|");
            }
            update(digest, host.variable("PATH").orElse(""));
            update(digest, new TreeSet<>(request.languages().stream().map(Language::binaryKey).toList()).toString());
            update(digest, Boolean.toString(request.strip()));
            update(digest, new TreeSet<>(request.libraries()).toString());
            if (!request.buildLanguages().isEmpty()) { // absent before build-machine tools: old caches stay valid
                update(digest, "build:"
                        + new TreeSet<>(request.buildLanguages().stream().map(Language::binaryKey).toList()));
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    /** A built-in option such as {@code c_args} as an argument list: absent is empty, a string is one argument. */
    static List<String> strings(Value value) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof Value.Array array) {
            return array.elements().stream().map(Value::mesonRepr).toList();
        }
        return List.of(value.mesonRepr());
    }
}
