package dev.crossbuild.nativebuild;

import dev.crossbuild.exec.Command;
import dev.crossbuild.exec.ProcessResult;
import dev.crossbuild.exec.ProcessRunner;
import dev.crossbuild.io.AtomicFiles;
import dev.crossbuild.io.FolderException;
import dev.crossbuild.io.Folders;
import dev.crossbuild.jni.JniException;
import dev.crossbuild.jni.JniHeaderResult;
import dev.crossbuild.jni.JniHeaderWriter;
import dev.crossbuild.jni.JniIncludes;
import dev.crossbuild.toolchain.Compiler;
import dev.crossbuild.toolchain.Language;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The compile goal's core: plans every source of every target, compiles the stale ones in parallel, and keeps the
 * incremental state. An object is up to date when its command fingerprint (the compiler argv without a launcher,
 * with the final object name; the compiler's id, version and triple; the compiler binary's size and modification
 * time) is unchanged and the source and every header its depfile named are unchanged. Adding or removing ccache or a
 * compile farm therefore rebuilds nothing: an object is the same bytes whichever of them made it. ccache returns
 * what the compiler wrote for the same argv in the same folder (cross never sets its {@code base_dir}, which would
 * hand the compiler relative paths), and distcc's plain mode preprocesses here and compiles the result with the same
 * options elsewhere (the build-distcc-farm IT compares the outputs byte for byte).
 *
 * <p>Each compiler writes to a temporary name that is renamed to the object only when it succeeds; a failed compile
 * leaves neither (nor the object of an earlier build), so nothing half-made is ever taken as up to date. After the
 * first failure no new compile starts; the running ones finish, and the state is saved for everything that
 * succeeded. While compiling, the state is saved every second as well ({@link PeriodicSave}), so a build that is
 * killed resumes with the sources it had not finished.
 */
public final class NativeCompiler {

    /** The incremental state of compiles, in the layout's root. */
    public static final String STATE_FILE = "compile-state.json";
    /** What the build JDK's {@code include} folder becomes in debug information. */
    static final String JDK_INCLUDE = "jdk/include";

    private final ProcessRunner runner;
    private final ProcessRunner compiles;
    private final BuildListener listener;

    /** Runs every process with {@code runner}. */
    public NativeCompiler(ProcessRunner runner, BuildListener listener) {
        this(runner, runner, listener);
    }

    /**
     * Runs the host machine's compilers with {@code compiles} (a compile farm may take more at once than this machine
     * has processors), and everything else (pkg-config, the build-machine tools and generators) with {@code runner}.
     */
    public NativeCompiler(ProcessRunner runner, ProcessRunner compiles, BuildListener listener) {
        this.runner = runner;
        this.compiles = compiles;
        this.listener = synchronizedListener(listener);
    }

    /** One planned command, the variables its launcher needs, and the fingerprint of what it makes. */
    private record Planned(CompileCommand command, Map<String, String> environment, Fingerprint fingerprint) {
    }

    /** A planned command that runs, and why. */
    private record Stale(Planned planned, RebuildReason reason) {
    }

    /**
     * Builds the module's build-machine tools and runs its generators first ({@link BuildMachineTools}), then
     * compiles the host-machine targets, with the sources their generators wrote. The result counts the host
     * sources; the build machine's sources are reported in their own {@code [build machine]} lines.
     */
    public CompileResult compile(CompileRequest request) throws CompileException, DependencyException, IOException {
        Set<Path> folders = new HashSet<>();
        for (NativeTarget target : request.targets()) {
            if (!folders.add(request.layout().objects(target))) {
                throw new IllegalArgumentException("two " + (target.isLibrary() ? "libraries" : "executables")
                        + " are named '" + target.name() + "'; their objects would share "
                        + request.layout().objects(target));
            }
        }
        List<NativeTarget> host = new BuildMachineTools(runner, listener).prepare(request);
        return compileTargets(request.withTargets(host));
    }

    /** Compiles every target of {@code request} with its setup's toolchain, into its layout. */
    CompileResult compileTargets(CompileRequest unwired) throws CompileException, DependencyException, IOException {
        // A custom standard library's headers for every host target (the build machine's tools keep their own).
        CompileRequest request = unwired.withTargets(StandardLibraries.apply(unwired.setup(), unwired.targets()));
        List<Path> jniIncludes = prepareJni(request);
        PkgConfig pkgConfig = new PkgConfig(runner, request.setup());
        CompilePlanner planner = new CompilePlanner(request.setup(), sourcePaths(request, jniIncludes));
        Map<Language, String> compilerStamps = compilerStamps(request.setup());
        List<Planned> planned = new ArrayList<>();
        Map<Path, List<SourceFile>> listings = new HashMap<>(); // targets share folders: list each once
        for (NativeTarget target : request.targets()) {
            List<Path> extra = new ArrayList<>(request.extraIncludeDirectories());
            if (target.jni()) {
                extra.addAll(jniIncludes);
            }
            List<String> cflags = pkgConfig.cflags(target.dependencies());
            for (CompileCommand command : planner.plan(target, sources(target, listings), request.layout().objects(target),
                    extra, cflags)) {
                Compiler compiler = request.setup().toolchain().compiler(command.language()).orElseThrow();
                planned.add(new Planned(command, compiler.environment(), Fingerprints.of(command.compilerArgv(), List.of(), compiler.id(),
                        List.of(compilerStamps.get(command.language())))));
            }
        }
        CompilationDatabase.write(request.layout().compileCommands(),
                planned.stream().map(Planned::command).toList(), request.projectDirectory());

        IncrementalState state = IncrementalState.load(request.layout().root().resolve(STATE_FILE));
        List<Stale> stale = new ArrayList<>();
        for (Planned p : planned) {
            state.rebuildReason(p.command().object(), p.fingerprint()).ifPresent(why -> stale.add(new Stale(p, why)));
        }
        List<CompileFailure> failures;
        try {
            failures = run(stale, state, request);
        } finally {
            state.save();
        }
        if (!failures.isEmpty()) {
            throw CompileException.of(failures, stale.size(), request.projectDirectory());
        }
        CompileResult result = new CompileResult(planned.size(), stale.size(), planned.size() - stale.size());
        listener.info(result.summary());
        return result;
    }

    /**
     * The request's folder map, with the private sysroot and, for JNI targets, the build JDK's {@code include}
     * folder (the last of {@code jniIncludes}, {@link JniIncludes#prepare}'s): both hold headers the objects' debug
     * information names, in folders that differ between machines.
     */
    private static SourcePathMap sourcePaths(CompileRequest request, List<Path> jniIncludes) {
        SourcePathMap paths = request.sourcePaths().with(request.setup().sysroot());
        return jniIncludes.isEmpty() ? paths : paths.with(jniIncludes.get(jniIncludes.size() - 1), JDK_INCLUDE);
    }

    /**
     * Generates the JNI headers and jni_md.h when a target needs them; the include folders JNI targets get, the build
     * JDK's {@code include} folder last.
     */
    private List<Path> prepareJni(CompileRequest request) throws CompileException, IOException {
        List<NativeTarget> jniTargets = request.targets().stream().filter(NativeTarget::jni).toList();
        if (jniTargets.isEmpty()) {
            return List.of();
        }
        JniInputs jni = request.jni().orElseThrow(() -> new IllegalArgumentException(
                "target '" + jniTargets.get(0).name() + "' is a JNI library, but the compile request has no JNI inputs"));
        try {
            JniHeaderResult headers = JniHeaderWriter.write(jni.classesDirectory(), jni.classpath(),
                    jni.headersDirectory());
            headers.warnings().forEach(listener::warn);
            createFolder(jni.headersDirectory());
            List<Path> includes = new ArrayList<>();
            includes.add(jni.headersDirectory());
            includes.addAll(JniIncludes.prepare(jni.javaHome(), request.setup().host().system(),
                    request.layout().jniInclude()));
            return includes;
        } catch (JniException e) {
            throw new CompileException(SourceSetException.describe(jniTargets.get(0)) + " is a JNI library, but "
                    + "its JNI headers cannot be prepared: " + e.getMessage(), e.value(), e);
        }
    }

    /** Creates an output folder, or says what is in its way (an {@code obj} file, say). */
    private static void createFolder(Path folder) throws CompileException, IOException {
        try {
            Folders.create(folder);
        } catch (FolderException e) {
            throw new CompileException(e.getMessage(), e.value(), e);
        }
    }

    private static List<SourceFile> sources(NativeTarget target, Map<Path, List<SourceFile>> listings)
            throws CompileException, IOException {
        try {
            return SourceSet.of(target, listings);
        } catch (SourceSetException e) {
            throw new CompileException(e.getMessage(), e.value(), e);
        }
    }

    private List<CompileFailure> run(List<Stale> stale, IncrementalState state, CompileRequest request)
            throws CompileException, IOException {
        if (stale.isEmpty()) {
            return List.of();
        }
        for (Stale s : stale) {
            createFolder(s.planned().command().object().getParent());
        }
        int jobs = Math.min(request.jobs(), stale.size());
        ExecutorService pool = Executors.newFixedThreadPool(jobs, task -> {
            Thread thread = new Thread(task, "cross-compile");
            thread.setDaemon(true);
            return thread;
        });
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger started = new AtomicInteger();
        List<Future<CompileFailure>> futures = new ArrayList<>();
        PeriodicSave saving = new PeriodicSave(state, PeriodicSave.INTERVAL); // a killed build keeps what it finished
        try {
            for (Stale p : largestSourceFirst(stale)) {
                futures.add(pool.submit(() -> {
                    if (stop.get()) {
                        return null;
                    }
                    CompileFailure failure = compileOne(p, state, request, started, stale.size());
                    if (failure != null) {
                        stop.set(true);
                    }
                    return failure;
                }));
            }
            List<CompileFailure> failures = new ArrayList<>();
            IOException error = null;
            for (Future<CompileFailure> future : futures) {
                try {
                    CompileFailure failure = future.get();
                    if (failure != null) {
                        failures.add(failure);
                    }
                } catch (ExecutionException e) {
                    stop.set(true);
                    if (error == null) {
                        error = e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
                    }
                }
            }
            if (error != null) {
                throw error;
            }
            return failures;
        } catch (InterruptedException e) {
            stop.set(true);
            pool.shutdownNow(); // the runner kills each compiler's process tree; temporaries are deleted
            awaitQuietly(pool);
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException("compiling was interrupted");
            interrupted.initCause(e);
            throw interrupted;
        } finally {
            saving.close();
            pool.shutdownNow();
        }
    }

    /**
     * The stale commands, largest source first: the longest compiles start early instead of running alone at the end
     * (longest-processing-time-first list scheduling; on Lua's 33 files and 2 workers, 10 % less wall time than path
     * order). A source's size stands for its compile time; one that cannot be read sorts last, and fails when run.
     */
    private static List<Stale> largestSourceFirst(List<Stale> stale) {
        Map<Stale, Long> sizes = new IdentityHashMap<>();
        for (Stale p : stale) {
            long size;
            try {
                size = Files.size(p.planned().command().source());
            } catch (IOException e) {
                size = -1;
            }
            sizes.put(p, size);
        }
        List<Stale> ordered = new ArrayList<>(stale);
        ordered.sort(Comparator.comparing(sizes::get, Comparator.reverseOrder())); // stable: path order among equals
        return ordered;
    }

    /** Runs one compiler; null when it succeeded, else what it said. */
    private CompileFailure compileOne(Stale stale, IncrementalState state, CompileRequest request,
                                      AtomicInteger started, int count) throws IOException {
        Planned planned = stale.planned();
        CompileCommand command = planned.command();
        Path project = request.projectDirectory();
        String line = (command.language() == Language.C ? "CC " : "CXX ") + display(command.source(), project)
                + (listener.explains() ? " (" + stale.reason().describe(project) + ")" : "");
        synchronized (started) { // numbered and logged together, so the log counts up
            listener.info("[" + started.incrementAndGet() + "/" + count + "] " + line);
        }
        Instant startedAt = Instant.now();
        ProcessResult result;
        try {
            result = compiles.run(Command.of(command.argv()).withWorkingDirectory(project)
                    .withEnvironment(planned.environment()));
        } catch (IOException | RuntimeException e) {
            discard(command, state);
            throw e;
        }
        String output = (result.stderr() + result.stdout()).stripTrailing();
        if (!result.succeeded() || !Files.isRegularFile(command.temporaryObject())) {
            discard(command, state);
            return new CompileFailure(command.source(), command.argv(), result.exitCode(), result.timedOut(),
                    result.stderr() + result.stdout());
        }
        try {
            AtomicFiles.move(command.temporaryObject(), command.object());
        } catch (IOException e) {
            discard(command, state);
            throw e;
        }
        List<Path> inputs = inputs(command, project);
        if (inputs.isEmpty()) {
            state.forget(command.object());
            listener.warn(display(command.source(), project) + ": the compiler wrote no depfile "
                    + command.depfile() + "; it will be compiled again next time");
        } else {
            state.record(command.object(), planned.fingerprint(), inputs, startedAt);
        }
        if (!output.isEmpty()) {
            listener.warn(output);
        }
        return null;
    }

    /** The source and everything the depfile names, relative names resolved against the compiler's directory. */
    private static List<Path> inputs(CompileCommand command, Path project) throws IOException {
        String text;
        try {
            text = Files.readString(command.depfile(), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            // Plain assembly is not preprocessed: the compiler writes no depfile, and the source is the only input.
            return SourceSet.preprocessed(command.source()) ? List.of() : List.of(command.source());
        }
        List<Path> inputs = new ArrayList<>();
        inputs.add(command.source());
        for (String prerequisite : Depfile.parse(text).prerequisites()) {
            inputs.add(project.resolve(prerequisite));
        }
        return inputs;
    }

    /** After a failure: no temporary, no object (an earlier build's would be stale), no depfile, no state. */
    private static void discard(CompileCommand command, IncrementalState state) throws IOException {
        state.forget(command.object());
        Files.deleteIfExists(command.temporaryObject());
        Files.deleteIfExists(command.object());
        Files.deleteIfExists(command.depfile());
    }

    /**
     * Size and modification time of each compiler's program (after a launcher): an upgraded compiler at the same
     * path rebuilds everything even when setup reused its detection.
     */
    private static Map<Language, String> compilerStamps(SetupState setup) {
        Map<Language, String> stamps = new EnumMap<>(Language.class);
        for (Compiler compiler : setup.toolchain().compilers().values()) {
            Path program = Path.of(compiler.argvWithoutLauncher().get(0));
            String stamp;
            try {
                BasicFileAttributes attributes = Files.readAttributes(program, BasicFileAttributes.class);
                stamp = program + ":" + attributes.size() + ":" + attributes.lastModifiedTime().toMillis();
            } catch (IOException e) {
                stamp = program + ":unknown";
            }
            stamps.put(compiler.language(), stamp);
        }
        return stamps;
    }

    /** A path relative to the project, with forward slashes; absolute when it is outside. */
    static String display(Path path, Path project) {
        Path absolute = path.toAbsolutePath().normalize();
        return absolute.startsWith(project) ? SourceSet.slashes(project.relativize(absolute)) : absolute.toString();
    }

    private static void awaitQuietly(ExecutorService pool) {
        try {
            pool.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static BuildListener synchronizedListener(BuildListener listener) {
        return new BuildListener() {
            @Override
            public synchronized void info(String line) {
                listener.info(line);
            }

            @Override
            public synchronized void warn(String line) {
                listener.warn(line);
            }

            @Override
            public boolean explains() {
                return listener.explains();
            }
        };
    }
}
