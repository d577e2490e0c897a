package dev.crossbuild.maven;

import dev.crossbuild.error.CrossException;
import dev.crossbuild.exec.HostEnvironment;
import dev.crossbuild.exec.JobSlots;
import dev.crossbuild.hosts.HostTargets;
import dev.crossbuild.io.FolderLock;
import dev.crossbuild.io.GoalStamp;
import dev.crossbuild.io.LockHolder;
import dev.crossbuild.nativebuild.BuildLayout;
import dev.crossbuild.nativebuild.BuildListener;
import dev.crossbuild.nativebuild.NativeTarget;
import dev.crossbuild.nativebuild.SetupState;
import dev.crossbuild.nativebuild.SetupStateException;
import dev.crossbuild.nativebuild.TargetKind;
import dev.crossbuild.setup.SysrootSettings;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What the goals that build share: the {@code <libraries>} and {@code <executables>} of the module (configure them
 * in the plugin's {@code <configuration>}, so compile and native-link see the same), the number of parallel jobs,
 * and the setup that the {@code setup} goal left in {@code setup.json}.
 */
abstract class AbstractBuildMojo extends AbstractCrossMojo {

    /**
     * Libraries to build. None configured and a {@code src/main/c} or {@code src/main/cpp} folder present: one shared
     * JNI library named after the artifactId, from those folders.
     */
    @Parameter
    protected List<NativeLibrary> libraries;

    /** Executables to build. */
    @Parameter
    protected List<Executable> executables;

    /** The project property in which setup lists the classifiers of {@code cross.targets}, for the later goals. */
    static final String CLASSIFIERS_PROPERTY = "cross.classifiers";

    /** The source folders of a module without {@code <libraries>} and of a target without {@code <sourceDirectories>}. */
    static final List<String> CONVENTIONAL_SOURCES = List.of("src/main/c", "src/main/cpp");
    /** The include folder of a module without {@code <libraries>}. */
    static final List<String> CONVENTIONAL_INCLUDES = List.of("src/main/include");

    /**
     * How many compilers run at once, over all targets together. Default: the number of processors, plus the remote
     * slots of the compile farm setup found ({@code cross.launcher=distcc} or distcc in {@code [binaries]}: the
     * {@code /N} of each remote host in distcc's host list). Links, strips, compiler checks, test programs and the
     * build machine's tools run on this machine: at most this many or the number of processors at once, whichever is
     * smaller.
     */
    @Parameter(property = "cross.jobs")
    protected Integer jobs;

    /**
     * Seconds a goal waits while another build (an IDE's, a second terminal's, another CI step's) works in the same
     * {@code target/cross/<classifier>/}, before it fails naming that build. Only one build at a time works in a
     * classifier's folder; a build that was killed does not hold it.
     */
    @Parameter(property = "cross.lockTimeout", defaultValue = "300")
    protected int lockTimeout;

    /**
     * Debian packages of libraries the host machine's code links against, e.g. {@code zlib1g-dev}: fetched for the
     * host machine's Debian architecture (with their library dependencies, without what the cross toolchain provides:
     * the C library and compiler runtime) into a private sysroot shared by projects, with no multiarch and no root,
     * checked against the archive's signed index. Setup wires it in: {@code sys_root} and its {@code pkgconfig}
     * folders as {@code pkg_config_libdir} (so {@code <dependencies>} pkg-config lookups resolve inside it), its
     * include and library folders for the compilers and linker, its libraries for the native tests under qemu. Added to
     * the cross file's {@code [properties] sysroot_packages}. Offline ({@code -o}) a cached sysroot is used; {@code -U}
     * fetches the package index again (otherwise once a day). On the command line:
     * {@code -Dcross.sysrootPackages=zlib1g-dev,libssl-dev}. See the "Target libraries" page.
     */
    @Parameter(property = "cross.sysrootPackages")
    protected List<String> sysrootPackages;

    /**
     * The folder private sysroots are kept in, shared by projects. Default: {@code $XDG_CACHE_HOME/cross/sysroots},
     * else {@code ~/.cache/cross/sysroots}. Cache it in CI ({@code mvn cross:sysroot} prints the sysroot's folder).
     */
    @Parameter(property = "cross.sysrootCache")
    protected File sysrootCache;

    /** Work done while holding a classifier folder's lock. */
    @FunctionalInterface
    protected interface LockedWork<R> {
        R run() throws CrossException, IOException;
    }

    /**
     * The sysroot part of the build: {@code cross.sysrootPackages}, {@code cross.sysrootCache}, Maven's offline and
     * update-snapshots switches, {@code cross.lockTimeout}; progress lines to {@code progress}.
     */
    protected SysrootSettings sysrootSettings(Consumer<String> progress) throws ParameterException {
        if (lockTimeout < 0) {
            throw new ParameterException("cross.lockTimeout", "cross.lockTimeout is " + lockTimeout + "; give the "
                    + "seconds to wait for another build, 0 or more");
        }
        return new SysrootSettings(orEmpty(sysrootPackages),
                Optional.ofNullable(sysrootCache).map(f -> f.toPath().toAbsolutePath().normalize()),
                session.isOffline(), session.getRequest().isUpdateSnapshots(), Duration.ofSeconds(lockTimeout),
                progress);
    }

    /** The targets of this module, libraries first, in POM order. */
    protected List<NativeTarget> targets() throws ParameterException {
        Path basedir = moduleDirectory(); // the doctor runs without a project too
        List<NativeTarget> targets = new ArrayList<>();
        try {
            if (libraries == null || libraries.isEmpty()) {
                List<Path> conventional = existing(basedir, CONVENTIONAL_SOURCES);
                if (!conventional.isEmpty()) {
                    targets.add(NativeTarget.builder(project.getArtifactId(), TargetKind.SHARED_LIBRARY)
                            .sourceDirectories(conventional)
                            .includeDirectories(existing(basedir, CONVENTIONAL_INCLUDES)).jni(true).build());
                }
            } else {
                for (NativeLibrary library : NativeTargetConfig.present(libraries)) {
                    targets.add(library.toTarget(kind(library), library.jni, basedir, "library"));
                }
            }
            if (executables != null) {
                for (Executable executable : NativeTargetConfig.present(executables)) {
                    targets.add(executable.toTarget(TargetKind.EXECUTABLE, false, basedir, "executable"));
                }
            }
        } catch (IllegalArgumentException e) {
            throw new ParameterException("<libraries>/<executables>", e.getMessage(), e);
        }
        return targets;
    }

    /** How many processes that run on this machine (anything but compiles) run at once. */
    protected int localJobs() {
        int processors = Runtime.getRuntime().availableProcessors();
        return jobs != null && jobs > 0 ? Math.min(jobs, processors) : processors;
    }

    /**
     * The slots of a build that compiles with {@code setups}: {@code cross.jobs}, else the processors plus the largest
     * number of remote slots among the setups (the targets of one build share one farm), for compiles; the local
     * ones ({@link #localJobs()}) for everything else. With {@code log}, says so when a farm raised the count.
     */
    protected JobSlots jobSlots(List<SetupState> setups, boolean log) {
        int local = localJobs();
        if (jobs != null && jobs > 0) {
            return JobSlots.of(jobs, local);
        }
        int remote = setups.stream().mapToInt(SetupState::remoteSlots).max().orElse(0);
        if (remote > 0 && log) {
            getLog().info("cross.jobs: " + (local + remote) + " compiles at once (" + local + " processors + " + remote
                    + " remote slots of the compile farm); other tools: " + local + " at once");
        }
        return JobSlots.of(local + remote, local);
    }

    /**
     * The layouts of the classifiers setup resolved in this build: with {@code cross.targets}, every one setup listed
     * in the {@code cross.classifiers} property, else the one of {@link #layout()}.
     */
    protected List<BuildLayout> layouts() throws CrossException {
        if (!multiTarget()) {
            return List.of(layout());
        }
        String listed = project.getProperties().getProperty(CLASSIFIERS_PROPERTY);
        if (listed == null || listed.isBlank()) {
            throw new ParameterException("cross.targets", "cross:" + goal() + " needs the cross:setup goal to run "
                    + "first in the same build for cross.targets (it is bound to initialize: run e.g. 'mvn package')");
        }
        List<BuildLayout> layouts = new ArrayList<>();
        for (String classifier : listed.split(",")) {
            layouts.add(new BuildLayout(crossDirectory.toPath().resolve(classifier.strip())));
        }
        return layouts;
    }

    /** The classifier a layout is for: the name of its folder. */
    protected static String classifierOf(BuildLayout layout) {
        return layout.root().getFileName().toString();
    }

    /** The layout of the classifier setup resolved in this build (or {@code cross.classifier}). */
    protected BuildLayout layout() throws CrossException {
        String resolved = classifier;
        if (resolved == null || resolved.isBlank()) {
            resolved = project.getProperties().getProperty("cross.classifier");
        }
        if (resolved == null || resolved.isBlank()) {
            throw new ParameterException("cross.classifier", "cross:" + goal() + " needs the cross:setup goal to run first in the same "
                    + "build (it is bound to initialize: run e.g. 'mvn package'), or -Dcross.classifier=<folder under "
                    + crossDirectory + ">");
        }
        HostTargets.checkClassifier(resolved.strip(), "cross.classifier"); // it becomes a folder: never /tmp/x or ../
        return new BuildLayout(crossDirectory.toPath().resolve(resolved.strip()));
    }

    protected SetupState setupState(BuildLayout layout) throws SetupStateException {
        return SetupState.read(layout.setupJson());
    }

    /**
     * Runs {@code work} holding the lock of {@code layout}'s folder: one build at a time per classifier folder (two
     * builds would share its temporary files and states). While another build holds it, logs whose build it waits
     * for; after {@code cross.lockTimeout} fails naming it. A thread holds one folder's lock at a time, so two builds
     * never wait for each other.
     */
    protected <R> R locked(BuildLayout layout, LockedWork<R> work) throws CrossException, IOException {
        if (lockTimeout < 0) {
            throw new ParameterException("cross.lockTimeout", "cross.lockTimeout is " + lockTimeout + "; give the "
                    + "seconds to wait for another build of this module, 0 or more");
        }
        Path root = layout.root();
        FolderLock lock = FolderLock.acquire(root, shown(root),
                LockHolder.thisProcess(HostEnvironment.system().hostName(), "cross:" + goal()),
                Duration.ofSeconds(lockTimeout), listener(layout)::info);
        try {
            return work.run();
        } finally {
            lock.close();
        }
    }

    /**
     * Runs {@code work} holding the locks of every one of {@code layouts}, taken in the order of their paths, so two
     * builds taking several never wait for each other (each takes the first it lacks before any later one).
     */
    protected <R> R lockedAll(List<BuildLayout> layouts, LockedWork<R> work) throws CrossException, IOException {
        List<BuildLayout> ordered = layouts.stream().sorted(Comparator.comparing(BuildLayout::root)).toList();
        return lockedFrom(ordered, 0, work);
    }

    private <R> R lockedFrom(List<BuildLayout> ordered, int first, LockedWork<R> work)
            throws CrossException, IOException {
        return first == ordered.size() ? work.run()
                : locked(ordered.get(first), () -> lockedFrom(ordered, first + 1, work));
    }

    /** The include folders every target gets besides its own: the compiler checks' {@code cross_config.h}. */
    protected static List<Path> extraIncludes(BuildLayout layout) {
        return Files.isDirectory(layout.include()) ? List.of(layout.include()) : List.of();
    }

    /** Logs progress through Maven's log; in verbose mode (or with -X) with why each output is made again. */
    protected BuildListener listener() {
        return new BuildListener() {
            @Override
            public void info(String line) {
                getLog().info(line);
            }

            @Override
            public void warn(String line) {
                getLog().warn(line);
            }

            @Override
            public boolean explains() {
                return verboseLog().isPresent();
            }
        };
    }

    /** Logs progress of one target; with several targets each line starts with {@code [<classifier>]}. */
    protected BuildListener listener(BuildLayout layout) {
        return multiTarget() ? BuildListener.prefixed(listener(), "[" + classifierOf(layout) + "] ") : listener();
    }

    /**
     * {@code watch} and the conventional folders whose presence decides the targets ({@link #targets()}): a
     * {@code src/main/c} made since is a new library, which no stamp may hide.
     */
    protected Optional<GoalStamp.Watch> withConventionalFolders(Optional<GoalStamp.Watch> watch) {
        Path basedir = moduleDirectory();
        List<Path> folders = new ArrayList<>();
        for (String folder : CONVENTIONAL_SOURCES) {
            folders.add(basedir.resolve(folder));
        }
        for (String folder : CONVENTIONAL_INCLUDES) {
            folders.add(basedir.resolve(folder));
        }
        return watch.map(w -> GoalStamp.Watch.of(List.of(w, new GoalStamp.Watch(List.of(), List.of(), folders,
                Set.of()))));
    }

    static List<Path> existing(Path basedir, List<String> folders) {
        return folders.stream().map(basedir::resolve).filter(Files::isDirectory).toList();
    }

    private static TargetKind kind(NativeLibrary library) {
        String kind = library.kind == null ? "shared" : library.kind.trim().toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "shared" -> TargetKind.SHARED_LIBRARY;
            case "static" -> TargetKind.STATIC_LIBRARY;
            case "both" -> TargetKind.BOTH_LIBRARIES;
            default -> throw new IllegalArgumentException("<library><kind> of '" + library.name + "' is '" + library.kind
                    + "'; use shared, static or both");
        };
    }
}
