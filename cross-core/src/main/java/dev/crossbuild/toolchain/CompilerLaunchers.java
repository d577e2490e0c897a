package dev.crossbuild.toolchain;

import dev.crossbuild.exec.Command;
import dev.crossbuild.exec.HostEnvironment;
import dev.crossbuild.exec.ProcessResult;
import dev.crossbuild.exec.ProcessRunner;
import dev.crossbuild.exec.ProgramFinder;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Puts launchers in front of confirmed compilers, after detection (so the toolchain cache never holds them and
 * installing or removing ccache takes effect on the next setup):
 * <ul>
 *   <li>a compiler cache, as Meson does: {@code ccache}, else {@code sccache}, when it is on PATH, the request allows
 *       it ({@code cross.ccache}) and the machine file names no launcher for that compiler; for the host's compilers
 *       and the build machine's alike (both compile here);</li>
 *   <li>a compile farm's client ({@code cross.launcher=distcc} or {@code icecc}), for the host machine's compilers
 *       only: a farm node compiles with the program the argv names, so a cross compiler's triple makes sure the
 *       object is for the host machine, while a build-machine {@code cc} would compile for the node's own machine.
 *       Behind ccache the distributor runs only for the cache's misses ({@code CCACHE_PREFIX}, as ccache's manual
 *       describes); sccache has no such setting, so an automatic sccache makes way for the distributor.</li>
 * </ul>
 * Probes and checks never go through a launcher ({@link Compiler#argvWithoutLauncher()}). For distcc it reads the
 * host list with {@code distcc --show-hosts}, the one process this runs, to count the remote slots.
 */
public final class CompilerLaunchers {

    /** How long {@code distcc --show-hosts} may take: it only reads a variable or a file. */
    private static final Duration SHOW_HOSTS_TIMEOUT = Duration.ofSeconds(30);

    /** What distcc reads to find its host list (distcc(1)); passed on from the {@link HostEnvironment}. */
    private static final List<String> DISTCC_VARIABLES = List.of("DISTCC_HOSTS", "DISTCC_DIR", "HOME");

    /** The toolchains with their launchers, what was decided (to log and record), and the doctor's findings. */
    public record Launched(Toolchain host, Optional<Toolchain> build, CompilerLaunch launch, List<Finding> findings) {

        public Launched {
            findings = List.copyOf(findings);
        }
    }

    private final ProcessRunner runner;
    private final HostEnvironment environment;
    private final ProgramFinder finder;

    public CompilerLaunchers(ProcessRunner runner, HostEnvironment environment) {
        this.runner = runner;
        this.environment = environment;
        this.finder = new ProgramFinder(environment);
    }

    public Launched apply(Toolchain host, Optional<Toolchain> build, LauncherRequest request) {
        List<Finding> findings = new ArrayList<>();
        Optional<String> automatic = request.cache()
                ? finder.find("ccache").or(() -> finder.find("sccache")).map(Path::toString)
                : Optional.empty();
        // Where each ccache would store, asked once per program (an automatic one and one the file names are the same).
        Map<String, Optional<String>> problems = new HashMap<>();
        Function<String, Optional<String>> ccacheProblem = ccache -> problems.computeIfAbsent(ccache,
                program -> CcacheFolders.problem(runner, environment, program));
        // An automatic ccache that would fail every compile is left out (the bare compilers work); a warning says why.
        // Only asked when a compiler has no launcher of the file's, so the automatic cache would go in front of it.
        boolean someBare = Stream.concat(host.compilers().values().stream(),
                build.stream().flatMap(b -> b.compilers().values().stream())).anyMatch(c -> c.launcher().isEmpty());
        Optional<String> unusable = automatic.filter(ccache -> someBare && Launchers.isCcache(ccache))
                .flatMap(ccacheProblem);
        if (unusable.isPresent()) {
            automatic = Optional.empty();
        }
        Optional<String> distributor = request.distributor().flatMap(name -> locate(name, findings));

        Map<Language, Compiler> hostCompilers = new EnumMap<>(Language.class);
        boolean automaticUsed = false;
        boolean fileCache = false;
        for (Compiler compiler : host.compilers().values()) {
            List<String> launcher = new ArrayList<>(compiler.launcher());
            boolean fromFile = !launcher.isEmpty();
            fileCache |= fromFile && Launchers.isCache(launcher.get(0));
            if (launcher.isEmpty() && automatic.isPresent()) {
                launcher.add(automatic.get());
                automaticUsed = true;
            }
            if (distributor.isPresent()) {
                launcher = withDistributor(compiler, launcher, distributor.get(), fromFile, findings);
            }
            hostCompilers.put(compiler.language(), compiler.withLauncher(launcher));
        }
        Toolchain launchedHost = replaceCompilers(host, hostCompilers);

        Optional<Toolchain> launchedBuild = build;
        if (build.isPresent() && automatic.isPresent()) {
            Map<Language, Compiler> buildCompilers = new EnumMap<>(Language.class);
            for (Compiler compiler : build.get().compilers().values()) {
                boolean bare = compiler.launcher().isEmpty();
                buildCompilers.put(compiler.language(), bare ? compiler.withLauncher(List.of(automatic.get())) : compiler);
            }
            launchedBuild = Optional.of(replaceCompilers(build.get(), buildCompilers));
        }

        CompilerLaunch launch = unusable.isPresent()
                ? describe(launchedHost, request, automaticUsed, fileCache, distributor).withUnusableCacheLeftOut()
                : describe(launchedHost, request, automaticUsed, fileCache, distributor);
        findings.add(cacheFinding(launch, unusable, ccacheProblem));
        launch.farmLine().ifPresent(line -> findings.add(launch.remoteSlots().isPresent()
                && launch.remoteSlots().getAsInt() == 0
                ? Finding.warning("launcher.farm", "Compile farm", line.substring("compile farm: ".length()),
                        Optional.of("list the farm's hosts with their slots, e.g. DISTCC_HOSTS='host1/8 host2/8' "
                                + "(or in ~/.distcc/hosts)"))
                : Finding.ok("launcher.farm", "Compile farm", line.substring("compile farm: ".length()))));
        return new Launched(launchedHost, launchedBuild, launch, findings);
    }

    /**
     * The compiler cache's finding: what runs, or why the ccache on PATH was left out. A ccache the machine file names
     * is checked too: it is kept (the file asks for it), with a warning that each compile through it will fail.
     */
    private static Finding cacheFinding(CompilerLaunch launch, Optional<String> unusableAutomatic,
                                        Function<String, Optional<String>> ccacheProblem) {
        String detail = launch.cacheLine().substring("compiler cache: ".length());
        if (unusableAutomatic.isPresent()) {
            return Finding.warning("launcher.cache", "Compiler cache", "ccache is on PATH but "
                    + unusableAutomatic.get() + ", and would fail every compile: they run without a cache",
                    Optional.of("set CCACHE_DIR to a folder this user may write, or turn the automatic cache off with "
                            + "cross.ccache=false"));
        }
        if (launch.cacheChoice() == CompilerLaunch.CacheChoice.MACHINE_FILE && launch.cache().filter(
                Launchers::isCcache).isPresent()) {
            Optional<String> problem = ccacheProblem.apply(launch.cache().get());
            if (problem.isPresent()) {
                return Finding.warning("launcher.cache", "Compiler cache", launch.cache().get()
                        + " (named in [binaries]) " + problem.get() + ": each compile through it will fail",
                        Optional.of("set CCACHE_DIR to a folder this user may write, or take ccache out of "
                                + "[binaries]"));
            }
        }
        return Finding.ok("launcher.cache", "Compiler cache", detail);
    }

    /** The distributor on PATH; a blocking finding when it is not there (the user asked for it). */
    private Optional<String> locate(String name, List<Finding> findings) {
        Optional<Path> found = finder.find(name);
        if (found.isEmpty()) {
            findings.add(Finding.missing("launcher.farm", "Compile farm", "cross.launcher=" + name + ", but "
                    + name + (name.contains("/") ? " does not exist or is not executable" : " is not on PATH"),
                    Optional.of(DebianPackages.install(List.of(Launchers.baseName(name)))
                            + ", or drop cross.launcher")));
        }
        return found.map(Path::toString);
    }

    /** {@code launcher} with the distributor added, or a finding when the machine file's launcher cannot take it. */
    private static List<String> withDistributor(Compiler compiler, List<String> launcher, String distributor,
                                                boolean fromFile, List<Finding> findings) {
        Optional<String> named = launcher.stream().filter(Launchers::isDistributor).findFirst();
        if (named.isPresent()) {
            if (!Launchers.baseName(named.get()).equals(Launchers.baseName(distributor))) {
                findings.add(Finding.error("launcher.farm", "Compile farm", "cross.launcher asks for "
                        + Launchers.baseName(distributor) + ", but " + compiler.tool().origin() + " already runs the "
                        + compiler.language().displayName() + " compiler through " + named.get(),
                        Optional.of("drop cross.launcher, or the launcher in " + compiler.tool().origin())));
            }
            return launcher;
        }
        if (launcher.isEmpty()) {
            return List.of(distributor);
        }
        String cache = launcher.get(0);
        if (Launchers.passesMissesOn(cache)) {
            return List.of(cache, distributor);
        }
        if (!fromFile) {
            return List.of(distributor); // an automatic sccache cannot pass its misses on: the farm wins
        }
        findings.add(Finding.error("launcher.farm", "Compile farm", "cross.launcher asks for "
                + Launchers.baseName(distributor) + ", but " + compiler.tool().origin() + " runs the "
                + compiler.language().displayName() + " compiler through " + cache + ", which cannot hand its misses "
                + "to a distributor (only ccache can, through CCACHE_PREFIX)",
                Optional.of("use ccache in " + compiler.tool().origin() + ", or drop cross.launcher")));
        return launcher;
    }

    private CompilerLaunch describe(Toolchain host, LauncherRequest request, boolean automaticUsed, boolean fileCache,
                                    Optional<String> requested) {
        Optional<String> cache = Optional.empty();
        Optional<String> distributor = Optional.empty();
        for (Compiler compiler : host.compilers().values()) {
            for (String program : compiler.launcher()) {
                if (Launchers.isCache(program) && cache.isEmpty()) {
                    cache = Optional.of(program);
                } else if (Launchers.isDistributor(program) && distributor.isEmpty()) {
                    distributor = Optional.of(program);
                }
            }
        }
        CompilerLaunch.CacheChoice choice;
        if (automaticUsed) {
            choice = cache.isPresent() ? CompilerLaunch.CacheChoice.AUTOMATIC : CompilerLaunch.CacheChoice.DISPLACED;
        } else if (fileCache) {
            choice = CompilerLaunch.CacheChoice.MACHINE_FILE;
        } else if (!request.cache()) {
            choice = CompilerLaunch.CacheChoice.OFF;
        } else {
            choice = cache.isPresent() ? CompilerLaunch.CacheChoice.MACHINE_FILE
                    : CompilerLaunch.CacheChoice.NONE_ON_PATH;
        }
        if (distributor.isEmpty()) {
            return new CompilerLaunch(cache, choice, Optional.empty(), Optional.empty(), OptionalInt.empty(), List.of());
        }
        String origin = requested.isPresent() ? "cross.launcher" : "named in [binaries]";
        OptionalInt slots = OptionalInt.empty();
        List<String> hosts = List.of();
        if (Launchers.baseName(distributor.get()).equals("distcc")) {
            Optional<String> list = distccHosts(distributor.get());
            hosts = list.map(DistccHosts::remote).orElse(List.of());
            slots = OptionalInt.of(list.map(DistccHosts::remoteSlots).orElse(0));
        }
        return new CompilerLaunch(cache, choice, distributor, Optional.of(origin), slots, hosts);
    }

    /** {@code distcc --show-hosts}: the host list distcc would use now; empty when it cannot say. */
    private Optional<String> distccHosts(String distcc) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String name : DISTCC_VARIABLES) {
            environment.variable(name).ifPresent(value -> variables.put(name, value));
        }
        try {
            ProcessResult result = runner.run(Command.of(distcc, "--show-hosts").withEnvironment(variables)
                    .withTimeout(SHOW_HOSTS_TIMEOUT));
            return result.succeeded() ? Optional.of(result.stdout()) : Optional.empty();
        } catch (InterruptedIOException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // distcc that cannot run cannot distribute either: the compiles will say so
        }
    }

    private static Toolchain replaceCompilers(Toolchain toolchain, Map<Language, Compiler> compilers) {
        return new Toolchain(toolchain.machine(), toolchain.target(), compilers, toolchain.ar(), toolchain.ranlib(),
                toolchain.strip(), toolchain.objcopy(), toolchain.ld());
    }
}
