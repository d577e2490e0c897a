package dev.crossbuild.nativebuild;

import dev.crossbuild.exec.Command;
import dev.crossbuild.exec.HostEnvironment;
import dev.crossbuild.exec.ProcessResult;
import dev.crossbuild.exec.ProcessRunner;
import dev.crossbuild.exec.ShellWords;
import dev.crossbuild.machine.Aliases;
import dev.crossbuild.machine.FileNaming;
import dev.crossbuild.machine.Machine;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * pkg-config for the host machine, as Meson runs it (spec 4.11): the program of {@code [binaries] pkg-config}
 * (Meson 1.0's {@code pkgconfig} also read), with {@code PKG_CONFIG_LIBDIR} set from the {@code pkg_config_libdir}
 * property, {@code PKG_CONFIG_SYSROOT_DIR} from {@code sys_root} when set, and {@code PKG_CONFIG_PATH} from the
 * {@code pkg_config_path} option, after the {@code lib/pkgconfig} folders of the module's native dependencies
 * ({@link SetupState#nativeDependencies()}; their paths are kept out of the sysroot's prefix). In a cross build it never falls back to the build machine's pkg-config, and a plain
 * {@code pkg-config} without {@code pkg_config_libdir} is refused, since it would find the build machine's
 * {@code .pc} files. Answers are remembered for the life of the object.
 */
public final class PkgConfig {

    private static final Set<String> PLAIN = Set.of("pkg-config", "pkgconf");

    private final ProcessRunner runner;
    private final SetupState setup;
    private final HostEnvironment inherited;
    private final Map<List<String>, List<String>> answers = new HashMap<>();

    public PkgConfig(ProcessRunner runner, SetupState setup) {
        this(runner, setup, HostEnvironment.system());
    }

    /** @param environment where a native build's inherited {@code PKG_CONFIG_PATH} comes from */
    public PkgConfig(ProcessRunner runner, SetupState setup, HostEnvironment environment) {
        this.runner = runner;
        this.setup = setup;
        this.inherited = environment;
    }

    /** The compiler flags of {@code packages} ({@code --cflags}), as separate arguments. */
    public List<String> cflags(List<String> packages) throws DependencyException {
        return query("--cflags", packages);
    }

    /** The linker flags of {@code packages} ({@code --libs}), as separate arguments. */
    public List<String> libs(List<String> packages) throws DependencyException {
        return query("--libs", packages);
    }

    /** The environment pkg-config runs with: only what we set, on top of the inherited environment. */
    public Map<String, String> environment() {
        Map<String, String> environment = new LinkedHashMap<>();
        List<String> libdir = setup.propertyStrings("pkg_config_libdir");
        if (!libdir.isEmpty()) {
            environment.put("PKG_CONFIG_LIBDIR", String.join(File.pathSeparator, libdir));
        }
        List<String> sysroot = setup.propertyStrings("sys_root");
        if (!sysroot.isEmpty()) {
            environment.put("PKG_CONFIG_SYSROOT_DIR", sysroot.get(0));
        }
        List<String> path = new ArrayList<>();
        // The native dependencies' .pc files first: they are what the module asked for by name.
        setup.nativeDependencyPkgConfigFolders().forEach(folder -> path.add(folder.toString()));
        path.addAll(setup.arguments("pkg_config_path"));
        if (!path.isEmpty() && !isCrossBuild()) {
            // A native build keeps the PKG_CONFIG_PATH of the user's shell, after ours.
            inherited.variable("PKG_CONFIG_PATH").filter(p -> !p.isEmpty()).ifPresent(path::add);
        }
        if (!path.isEmpty() || isCrossBuild()) {
            // In a cross build, a PKG_CONFIG_PATH of the user's shell names the build machine's packages.
            environment.put("PKG_CONFIG_PATH", String.join(File.pathSeparator, path));
        }
        return environment;
    }

    /**
     * The answer with the native dependencies' paths as they are. pkg-config prefixes {@code PKG_CONFIG_SYSROOT_DIR}
     * to every {@code -I} and {@code -L} path (pkgconf to other absolute paths too), which is right for the sysroot's
     * own {@code .pc} files ({@code -I/usr/include}) but wrong for a dependency's, whose paths are absolute paths
     * under {@code deps/} already: {@code <sysroot>/<deps folder>} becomes {@code <deps folder>} again.
     */
    private List<String> withoutSysrootPrefix(List<String> words) {
        List<String> sysroot = setup.propertyStrings("sys_root");
        if (sysroot.isEmpty() || setup.nativeDependencies().isEmpty()) {
            return words;
        }
        String root = sysroot.get(0);
        while (root.length() > 1 && (root.endsWith("/") || root.endsWith(File.separator))) {
            root = root.substring(0, root.length() - 1);
        }
        if (root.isEmpty() || root.equals("/")) {
            return words;
        }
        List<String> fixed = new ArrayList<>();
        for (String word : words) {
            for (NativeDependency dependency : setup.nativeDependencies()) {
                String folder = dependency.folder().toString();
                // A sys_root with a trailing slash gives <sysroot>//<deps folder>.
                word = word.replaceAll(Pattern.quote(root) + "/*" + Pattern.quote(folder),
                        Matcher.quoteReplacement(folder));
            }
            fixed.add(word);
        }
        return fixed;
    }

    private synchronized List<String> query(String option, List<String> packages) throws DependencyException {
        if (packages.isEmpty()) {
            return List.of();
        }
        List<String> key = new ArrayList<>(packages);
        key.add(0, option);
        List<String> known = answers.get(key);
        if (known != null) {
            return known;
        }
        List<String> argv = new ArrayList<>(program(packages));
        argv.add(option);
        argv.addAll(packages);
        ProcessResult result = run(argv, packages);
        if (!result.succeeded()) {
            throw notFound(argv, packages, result);
        }
        List<String> words = withoutSysrootPrefix(ShellWords.split(result.stdout()));
        answers.put(key, words);
        return words;
    }

    private List<String> program(List<String> packages) throws DependencyException {
        Optional<List<String>> configured = setup.binary("pkg-config").or(() -> setup.binary("pkgconfig"));
        if (configured.isEmpty()) {
            if (!isCrossBuild()) {
                return List.of("pkg-config");
            }
            throw new DependencyException("no pkg-config for the host machine (" + describe(setup.host())
                    + ") to find " + String.join(", ", packages) + ": the cross file's [binaries] has no pkg-config "
                    + "entry, and the build machine's own pkg-config would report the build machine's libraries",
                    packages, List.of(), Optional.of("Add pkg-config = 'pkg-config' to [binaries] and "
                            + libdirSuggestion() + " to [properties] of the cross file."));
        }
        List<String> program = configured.get();
        if (isCrossBuild() && setup.propertyStrings("pkg_config_libdir").isEmpty() && isPlain(program.get(0))) {
            throw new DependencyException("pkg-config for the host machine (" + describe(setup.host()) + ") is "
                    + "the build machine's " + program.get(0) + " without pkg_config_libdir, so it would report the "
                    + "build machine's libraries for " + String.join(", ", packages), packages, List.of(),
                    Optional.of("Add " + libdirSuggestion() + " to [properties] of the cross file, or name the host's "
                            + "own pkg-config in [binaries] (e.g. " + Aliases.gnuTriplet(setup.host()).orElse("<triplet>")
                            + "-pkg-config)."));
        }
        return program;
    }

    private ProcessResult run(List<String> argv, List<String> packages) throws DependencyException {
        try {
            return runner.run(Command.of(argv).withEnvironment(environment()));
        } catch (IOException e) {
            throw new DependencyException("cannot run pkg-config for the host machine to find "
                    + String.join(", ", packages) + ": " + e.getMessage(), packages, commandLine(argv),
                    Optional.of("Install pkg-config (sudo apt-get install pkg-config) or fix [binaries] pkg-config "
                            + "in the cross file."));
        }
    }

    /** Which of the packages pkg-config does not know, asked one by one, and the remedy for the first. */
    private DependencyException notFound(List<String> argv, List<String> packages, ProcessResult result) {
        List<String> missing = new ArrayList<>();
        if (packages.size() == 1) {
            missing.add(packages.get(0));
        } else {
            for (String name : packages) {
                List<String> exists = new ArrayList<>(argv.subList(0, argv.size() - packages.size() - 1));
                exists.add("--exists");
                exists.add(name);
                try {
                    if (!runner.run(Command.of(exists).withEnvironment(environment())).succeeded()) {
                        missing.add(name);
                    }
                } catch (IOException e) {
                    missing.add(name);
                }
            }
        }
        String output = (result.stderr() + result.stdout()).strip();
        String command = String.join(" ", commandLine(argv));
        String what = result.timedOut() ? "timed out" : "exited with " + result.exitCode();
        if (missing.isEmpty()) {
            return new DependencyException("pkg-config failed for the host machine (" + describe(setup.host()) + "): "
                    + command + " " + what + (output.isEmpty() ? "" : ":\n" + output), packages, commandLine(argv),
                    Optional.empty());
        }
        String first = missing.get(0);
        String module = DevPackages.moduleName(first); // bar for bar >= 2: the .pc file's name
        Optional<NativeDependency> provider = setup.nativeDependencies().stream()
                .filter(d -> Files.isRegularFile(d.pkgConfigFolder().resolve(module + ".pc"))).findFirst();
        if (provider.isPresent()) {
            // Its own .pc file is there: what is missing is a package it requires.
            return new DependencyException("pkg-config cannot resolve '" + first + "' of the native dependency "
                    + provider.get().coordinates() + " for the host machine (" + describe(setup.host()) + "): "
                    + command + " " + what + (output.isEmpty() ? "" : ":\n" + output), missing, commandLine(argv),
                    Optional.of("Make the packages " + module + ".pc requires (its Requires line, in "
                            + provider.get().pkgConfigFolder().resolve(module + ".pc") + ") available for the host "
                            + "machine here too, e.g. with the same <sysrootPackages> as the module that builds "
                            + first + "."));
        }
        Optional<String> sysroot = DevPackages.sysrootPackage(first, setup.host(), setup.build())
                .map(dev -> "Let cross fetch it into a private sysroot: <sysrootPackages><package>" + dev
                        + "</package></sysrootPackages> (-Dcross.sysrootPackages=" + dev + "); or install it: ");
        String remedy = DevPackages.installCommand(first, setup.host(), setup.build())
                .map(install -> sysroot.orElse("Install it: ") + install + " (or add the folder holding " + module
                        + ".pc to pkg_config_libdir in [properties] of the cross file).")
                .orElse("Install " + first + " built for " + describe(setup.host()) + " and add the folder holding "
                        + module + ".pc to pkg_config_libdir in [properties] of the cross file.");
        return new DependencyException("pkg-config found no package '" + String.join("', '", missing)
                + "' for the host machine (" + describe(setup.host()) + "): " + command + " " + what
                + (output.isEmpty() ? "" : ":\n" + output), missing, commandLine(argv), Optional.of(remedy));
    }

    /** The command as a user would type it: our environment variables first. */
    private List<String> commandLine(List<String> argv) {
        List<String> line = new ArrayList<>();
        environment().forEach((name, value) -> line.add(name + "=" + value));
        line.addAll(argv);
        return line;
    }

    private String libdirSuggestion() {
        return Aliases.debianMultiarch(setup.host())
                .map(m -> "pkg_config_libdir = ['/usr/lib/" + m + "/pkgconfig', '/usr/share/pkgconfig']")
                .orElse("pkg_config_libdir = ['<folder of the host's .pc files>']");
    }

    private boolean isCrossBuild() {
        return !setup.build().equals(setup.host());
    }

    private static boolean isPlain(String program) {
        int slash = Math.max(program.lastIndexOf('/'), program.lastIndexOf('\\'));
        String name = program.substring(slash + 1);
        return PLAIN.contains(FileNaming.withoutExecutableSuffix(name));
    }

    private static String describe(Machine machine) {
        return machine.system() + " " + machine.cpuFamily();
    }
}
