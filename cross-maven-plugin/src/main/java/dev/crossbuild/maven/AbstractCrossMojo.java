package dev.crossbuild.maven;

import dev.crossbuild.error.CrossException;
import dev.crossbuild.exec.HostEnvironment;
import dev.crossbuild.exec.ProcessRunner;
import dev.crossbuild.exec.ProgramNotFoundException;
import dev.crossbuild.hosts.HostTarget;
import dev.crossbuild.hosts.HostTargets;
import dev.crossbuild.io.Folders;
import dev.crossbuild.io.GoalStamp;
import dev.crossbuild.toolchain.LauncherRequest;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Parameters every cross goal shares, the skip check, and the one place where exceptions become Maven's: a
 * {@link CrossException} (a problem the user can fix) becomes a {@link MojoFailureException}, which Maven reports as a
 * BUILD FAILURE with the message; anything else is a defect of cross and becomes a {@link MojoExecutionException}.
 * Subclasses bind their own parameters and call one cross-core entry point from {@link #run()}.
 */
abstract class AbstractCrossMojo extends AbstractMojo {

    /**
     * Meson-style cross files describing the host machine, layered in order (later files override earlier ones key
     * by key). Each is looked up as a path relative to the module, then to the build root, then in Meson's cross
     * file directories, then among the bundled presets ({@code linux-arm64.ini}, {@code windows-x64.ini}, ...). On
     * the command line give several comma-separated: {@code -Dcross.file=base.ini,arm64.ini}. None: a native
     * build.
     */
    @Parameter(property = "cross.file")
    protected List<String> crossFiles;

    /**
     * Several host machines in one run: every module target is built for each. Each entry is one host machine, its
     * cross files layered with {@code +} ({@code linux-arm64.ini+release.ini}), optionally preceded by its classifier
     * ({@code arm64-release=linux-arm64.ini+release.ini}; default: derived from the host machine as for
     * {@code cross.file}). On the command line separate entries with commas:
     * {@code -Dcross.targets=linux-x64.ini,linux-arm64.ini,windows-x64.ini}. The goals run once and do every target,
     * setups in parallel and all compiles and links sharing the {@code cross.jobs} slots; each target gets its own
     * {@code target/cross/<classifier>/} and classifier jar. Use either this or {@code cross.file}.
     */
    @Parameter(property = "cross.targets")
    protected List<String> targets;

    /** Meson-style native files describing the build machine's tools, layered in order. */
    @Parameter(property = "cross.nativeFile")
    protected List<String> nativeFiles;

    /**
     * Name of the output folder under {@code target/cross/} and of the attached artifacts' classifier. Default: the
     * os-maven-plugin style name of the host machine, e.g. {@code linux-aarch_64}.
     */
    @Parameter(property = "cross.classifier")
    protected String classifier;

    /** Where cross keeps its per-classifier outputs ({@code setup.json}, objects, libraries). */
    @Parameter(property = "cross.directory", defaultValue = "${project.build.directory}/cross")
    protected File crossDirectory;

    /**
     * Strip the outputs (keeping the debug information in a separate file). Setup and the doctor then also require
     * the target's strip and objcopy.
     */
    @Parameter(property = "cross.strip", defaultValue = "true")
    protected boolean strip;

    /**
     * Log every command the goal runs (compilers, linker, strip, objcopy, generators, pkg-config, the toolchain
     * probes and compiler checks of setup, test programs) whole, with its arguments quoted as a shell needs them and
     * the environment variables it gets, and say why each object, library, executable or generated file is made
     * again ({@code [3/20] CC src/main/c/a.c (input src/main/c/a.h changed (size 12 -> 14))}). These lines are logged
     * at INFO level; with Maven's {@code -X} they are logged at DEBUG level without this parameter.
     */
    @Parameter(property = "cross.verbose", defaultValue = "false")
    protected boolean verbose;

    /**
     * Build outputs that do not depend on where or when they are built: the same sources in two folders, on two
     * days, give the same bytes. The compilers map the module's folder to {@code .} in debug information and
     * {@code __FILE__} ({@code -ffile-prefix-map=<module>=.}, and the build's root folder to {@code ..} when the module
     * is inside it), PE links get no time stamp ({@code -Wl,--no-insert-timestamp}), and every tool runs with
     * {@code SOURCE_DATE_EPOCH} (the environment's, else {@code project.build.outputTimestamp}, else
     * 1980-02-01T00:00:00Z). {@code false}: the tools' own defaults, e.g. absolute source paths in the debug
     * information for a debugger started anywhere.
     */
    @Parameter(property = "cross.reproducible", defaultValue = "true")
    protected boolean reproducible;

    /** Maven's time for reproducible outputs; cross gives it to the tools as {@code SOURCE_DATE_EPOCH}. */
    @Parameter(defaultValue = "${project.build.outputTimestamp}", readonly = true)
    protected String outputTimestamp;

    /**
     * Put a compiler cache in front of the compilers, as Meson does: {@code ccache}, else {@code sccache}, when it is
     * on PATH and the cross or native file names no launcher for that compiler. A clean build then takes the objects
     * of an earlier build of the same folder from the cache. The cache keeps its own settings ({@code CCACHE_DIR},
     * {@code CCACHE_MAXSIZE}, ...); compiler checks and links never go through it, and the objects are the same bytes
     * with or without it. Setup logs what it chose ({@code compiler cache: /usr/bin/ccache}) and records it in
     * {@code setup.json}. {@code false}: no automatic cache (a launcher the machine file names still runs).
     */
    @Parameter(property = "cross.ccache", defaultValue = "true")
    protected boolean ccache;

    /**
     * The client of a compile farm to run the host machine's compiles through: {@code distcc} or {@code icecc} (a
     * name on PATH or a path), the same as naming it first in the cross file's {@code [binaries]}. Behind ccache it
     * runs only the cache's misses ({@code CCACHE_PREFIX}). With distcc, {@code cross.jobs} defaults to this machine's
     * processors plus the remote slots of distcc's host list ({@code DISTCC_HOSTS}, else {@code ~/.distcc/hosts},
     * else the system's; {@code host/N} takes N compiles). Links, strips, compiler checks and tests stay on this
     * machine. See the "Scaling out" page.
     */
    @Parameter(property = "cross.launcher")
    protected String launcher;

    /** Skips every cross goal of this module. */
    @Parameter(property = "cross.skip", defaultValue = "false")
    protected boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping cross:" + goal() + " (cross.skip=true)");
            return;
        }
        try {
            Optional<String> key = stampKey();
            if (key.isEmpty()) {
                run();
            } else {
                runUnlessUpToDate(key.get());
            }
        } catch (CrossException e) {
            throw new MojoFailureException(messageWithRemedy(e), e);
        } catch (ProgramNotFoundException e) {
            // A program the configuration names is not installed: the user's to install, not a defect.
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException e) {
            if (e.getCause() instanceof CrossException cause) {
                // A user-fixable cause reported through an I/O path (a file where an output folder must be).
                throw new MojoFailureException(messageWithRemedy(cause), cause);
            }
            throw new MojoExecutionException("cross:" + goal() + " failed: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new MojoExecutionException("cross:" + goal() + " failed unexpectedly (a defect of cross; please "
                    + "report it with this output): " + e, e);
        }
    }

    protected abstract String goal();

    /**
     * Skips the goal when its stamp still holds for {@code key}, replaying its effects on the project; else runs it
     * and records a new stamp. The old one is deleted first, so a run that fails leaves none.
     */
    private void runUnlessUpToDate(String key) throws CrossException, IOException, MojoExecutionException,
            MojoFailureException {
        Path stamp = stampFile();
        GoalStamp.Check check = GoalStamp.check(stamp, key);
        Optional<List<Effects.Effect>> effects = check.effects().flatMap(Effects::parse);
        if (effects.isPresent()) {
            for (Effects.Effect effect : effects.get()) {
                replay(effect);
            }
            getLog().info("Nothing changed since the last cross:" + goal() + " of this module: skipped ("
                    + shown(stamp) + ")");
            return;
        }
        String reason = check.unchanged() ? "the stamp " + shown(stamp) + " names an effect this version cannot replay"
                : check.reason();
        verboseLog().ifPresent(log -> log.accept("cross:" + goal() + " runs: " + reason));
        Instant started = Instant.now();
        try {
            GoalStamp.forget(stamp);
        } catch (IOException e) {
            // A stamp left behind is checked against the files next time all the same: it holds only if they are as
            // they were when it was written.
            stampProblem("cannot be removed", stamp, e);
        }
        Effects before = Effects.before(project);
        run();
        Optional<GoalStamp.Watch> watch = watched();
        if (watch.isPresent()) {
            try {
                Folders.create(stamp.getParent());
                GoalStamp.record(stamp, key, started, watch.get(), before.since());
            } catch (CrossException | IOException e) {
                stampProblem("cannot be written", stamp, e); // the goal did its work; only the next no-op is slower
            }
        }
    }

    private void stampProblem(String what, Path stamp, Exception e) {
        getLog().warn("The up-to-date stamp " + shown(stamp) + " " + what + " (" + e.getMessage() + "); cross:" + goal()
                + " works in full next time. Delete " + shown(stamp.getParent()) + " if this repeats.");
    }

    /**
     * Whether a run with nothing changed may skip this goal: then {@link #watched()} says, after each run that
     * succeeded, which files it depends on. Off by default (the test goal runs its tests every time).
     */
    protected boolean stamped() {
        return false;
    }

    /**
     * The files and folders this run read and wrote, for its stamp; empty when this run depends on something a stamp
     * cannot watch (a package index, another module's artifact), and the goal then runs next time too.
     */
    protected Optional<GoalStamp.Watch> watched() throws CrossException, IOException {
        return Optional.empty();
    }

    /** Inputs of this goal beyond its parameters, the project, the session and the environment (a class path). */
    protected List<String> stampExtras() throws CrossException, MojoExecutionException {
        return List.of();
    }

    /**
     * Replays one effect a skipped run would have had on the project (see {@link Effects}): a property here; a goal
     * that attaches artifacts replays its attachments itself.
     */
    protected void replay(Effects.Effect effect) throws CrossException {
        if (!(effect instanceof Effects.Property property)) {
            throw new IllegalStateException("cross:" + goal() + " cannot replay " + effect);
        }
        project.getProperties().setProperty(property.name(), property.value());
    }

    /** {@code target/cross/.stamps/<goal>.stamp}: one per module and goal, whatever the targets. */
    protected Path stampFile() {
        return crossDirectory.toPath().resolve(".stamps").resolve(goal() + ".stamp");
    }

    private Optional<String> stampKey() throws CrossException, MojoExecutionException {
        if (!stamped()) {
            return Optional.empty();
        }
        try {
            return Optional.of(StampKey.of(this, project, session, stampExtras()));
        } catch (StampKey.UnstampableException | RuntimeException e) {
            // Something the key cannot take (an embedding without a session's request, say): the goal just runs.
            verboseLog().ifPresent(log -> log.accept("cross:" + goal() + " always runs: " + e.getMessage()));
            return Optional.empty();
        }
    }

    /** {@code path} relative to the module when inside it. */
    protected String shown(Path path) {
        Path module = moduleDirectory();
        return path.startsWith(module) ? module.relativize(path).toString().replace('\\', '/') : path.toString();
    }

    /** The message, and the remedy when the message does not already say it. */
    static String messageWithRemedy(CrossException e) {
        String message = String.valueOf(e.getMessage());
        return e.remedy().filter(remedy -> !message.contains(remedy)).map(remedy -> message + "\n" + remedy)
                .orElse(message);
    }

    /**
     * The goal's work. Throw a {@link CrossException} (e.g. {@link ParameterException}) for anything the user can
     * fix; {@link #execute()} maps it.
     */
    protected abstract void run() throws CrossException, IOException, MojoExecutionException, MojoFailureException;

    /** Whether {@code cross.targets} is set: the goals then work on the classifiers setup listed. */
    protected boolean multiTarget() {
        return !orEmpty(targets).isEmpty();
    }

    /**
     * The host machines of this build: those of {@code cross.targets}, else the one of {@code cross.file} (with
     * {@code cross.classifier} when given).
     */
    protected List<HostTarget> hostTargets() throws CrossException {
        Optional<String> chosen = Optional.ofNullable(classifier).map(String::strip).filter(c -> !c.isEmpty());
        if (chosen.isPresent()) {
            HostTargets.checkClassifier(chosen.get(), "cross.classifier");
        }
        List<HostTarget> listed = HostTargets.parse(orEmpty(targets));
        if (listed.isEmpty()) {
            return List.of(HostTarget.of(orEmpty(crossFiles), chosen));
        }
        if (!orEmpty(crossFiles).isEmpty()) {
            throw new ParameterException("cross.targets", "Both cross.targets (" + String.join(",", orEmpty(targets))
                    + ") and cross.file (" + String.join(",", orEmpty(crossFiles)) + ") are set; give either one target's "
                    + "cross files in cross.file, or every target in cross.targets (layer files of one target with '+').");
        }
        if (chosen.isPresent()) {
            if (listed.size() > 1) {
                throw new ParameterException("cross.classifier", "cross.classifier (" + chosen.get() + ") names one "
                        + "classifier, but cross.targets lists " + listed.size() + " targets; name a target's classifier "
                        + "in its entry instead: " + chosen.get() + "=" + listed.get(0).spec());
            }
            HostTarget only = listed.get(0);
            return List.of(new HostTarget(only.spec(), only.crossFiles(), chosen));
        }
        return listed;
    }

    /** {@code cross.ccache} and {@code cross.launcher}, checked. */
    protected LauncherRequest launcherRequest() throws ParameterException {
        try {
            return new LauncherRequest(ccache, Optional.ofNullable(launcher));
        } catch (IllegalArgumentException e) {
            throw new ParameterException("cross.launcher", e.getMessage(), e);
        }
    }

    /**
     * Runs the goal's commands in the module's folder (unless a command names another), each with
     * {@link #toolEnvironment()}; in verbose mode (or with -X) it logs each one first, once, with those variables.
     */
    protected ProcessRunner runner() throws ParameterException {
        ProcessRunner runner = verboseLog()
                .map(log -> ProcessRunner.logging(ProcessRunner.system(), moduleDirectory(), log))
                .orElse(ProcessRunner.system());
        return ProcessRunner.in(ProcessRunner.withEnvironment(runner, toolEnvironment()), moduleDirectory());
    }

    /**
     * What every tool gets on top of Maven's environment: {@code SOURCE_DATE_EPOCH} ({@link SourceDateEpoch}) when
     * the build is reproducible and the environment has none; else nothing.
     */
    protected Map<String, String> toolEnvironment() throws ParameterException {
        if (!reproducible) {
            return Map.of();
        }
        return SourceDateEpoch.toSet(HostEnvironment.system().variable(SourceDateEpoch.VARIABLE), outputTimestamp)
                .map(value -> Map.of(SourceDateEpoch.VARIABLE, value)).orElse(Map.of());
    }

    /** Where verbose lines go: INFO with {@code cross.verbose}, else DEBUG when Maven runs with -X, else nowhere. */
    protected Optional<Consumer<String>> verboseLog() {
        if (verbose) {
            return Optional.of(getLog()::info);
        }
        return getLog().isDebugEnabled() ? Optional.of(getLog()::debug) : Optional.empty();
    }

    /** The module directory, then the build root: where a relative cross file name is tried first. */
    protected List<Path> searchFirst() {
        List<Path> directories = new ArrayList<>();
        directories.add(moduleDirectory());
        Path root = buildRoot();
        if (!directories.contains(root)) {
            directories.add(root);
        }
        return directories;
    }

    /**
     * The top of the multi-module build (where {@code .mvn} lives, else where Maven was started, else this module
     * when Maven is embedded without either).
     */
    protected Path buildRoot() {
        File root = session.getRequest().getMultiModuleProjectDirectory();
        if (root == null && session.getExecutionRootDirectory() != null) {
            root = new File(session.getExecutionRootDirectory());
        }
        return root != null ? root.toPath().toAbsolutePath().normalize() : moduleDirectory();
    }

    /** The module's folder; without a project (a goal run in any folder), where Maven was started. */
    protected Path moduleDirectory() {
        File basedir = project.getBasedir();
        if (basedir == null) {
            basedir = new File(session.getExecutionRootDirectory() != null ? session.getExecutionRootDirectory() : ".");
        }
        return basedir.toPath().toAbsolutePath().normalize();
    }

    /** The conventional native test folders, whose programs the test goal builds: {@code src/test/c}, {@code src/test/cpp}. */
    protected List<Path> testSourceDirectories() {
        Path base = moduleDirectory();
        return List.of(base.resolve("src/test/c"), base.resolve("src/test/cpp"));
    }

    protected static List<String> orEmpty(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return values.stream().map(String::trim).filter(v -> !v.isEmpty()).toList();
    }
}
