package dev.crossbuild.nativetest;

import dev.crossbuild.exec.Command;
import dev.crossbuild.exec.HostEnvironment;
import dev.crossbuild.exec.ProgramFinder;
import dev.crossbuild.machine.Aliases;
import dev.crossbuild.machine.CanRun;
import dev.crossbuild.machine.Machine;
import dev.crossbuild.machine.OutputFormat;
import dev.crossbuild.nativebuild.BuildLayout;
import dev.crossbuild.nativebuild.SetupState;
import dev.crossbuild.toolchain.ExeWrappers;
import java.io.IOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Decides how test programs run, with Meson's rules (spec 4.7-4.9): when the host machine needs no wrapper
 * ({@code needs_exe_wrapper}, stated or derived from the machines) they run directly; else through
 * {@code [binaries] exe_wrapper}; with no wrapper they are not run (a foreign program is never started directly).
 * A wrapper that is set but not installed is an error, as in {@code meson test}.
 *
 * <p>What the programs get: the module's {@code lib/}, then its native dependencies' library folders
 * ({@code deps/<artifactId>/lib}), on the library path ({@code LD_LIBRARY_PATH}, which qemu-user hands to the
 * emulated program; {@code DYLD_LIBRARY_PATH} on darwin), in front of what the environment already has. Windows
 * programs under Wine find their DLLs through {@code WINEPATH} (the module's {@code bin/} and {@code lib/}, the native
 * dependencies' {@code lib/} and {@code bin/}, then the compilers' library folders with MinGW's {@code libstdc++-6.dll} and friends, as Meson
 * does; Wine takes Unix paths there), {@code WINEDEBUG=-all} and a Wine prefix under the test layout unless the
 * environment sets its own. A qemu wrapper without {@code -L} gets {@code -L <sys_root>} when the cross file has a
 * {@code sys_root}; a {@code sys_root} of libraries only (a private sysroot from Debian packages) puts its library
 * folders on the library path after the module's ({@link #sysrootLibraries}).
 */
public final class TestLaunchers {

    private TestLaunchers() {
    }

    /**
     * @param layout the module's layout (its {@code lib/} and {@code bin/} hold the libraries the tests load)
     * @param runtimeDirectories where the toolchain's runtime libraries are (for Wine's {@code WINEPATH})
     * @param timeout for the one-time preparation (a new Wine prefix)
     * @throws NativeTestException when the exe_wrapper's program is not installed
     */
    public static TestLauncher decide(SetupState setup, BuildLayout layout, Path workingDirectory,
            HostEnvironment environment, List<Path> runtimeDirectories, Duration timeout) throws NativeTestException {
        Machine host = setup.host();
        OutputFormat format = OutputFormat.of(host);
        if (!setup.needsExeWrapper()) {
            Map<String, String> variables = new LinkedHashMap<>();
            if (format == OutputFormat.PE) {
                // Windows programs on a Windows build machine look for DLLs on PATH.
                List<Path> folders = new ArrayList<>(List.of(layout.bin(), layout.lib()));
                folders.addAll(setup.nativeDependencyRuntimeFolders());
                variables.put("PATH", join(folders, environment.variable("PATH"), ";"));
            } else {
                libraryPath(variables, format, layout, environment, setup, sysrootLibraries(setup, List.of()));
            }
            return new TestLauncher(TestLauncher.Mode.NATIVE, List.of(), variables, workingDirectory,
                    Optional.empty(), Optional.empty(), Optional.empty());
        }
        Optional<List<String>> configured = setup.binary("exe_wrapper");
        if (configured.isEmpty()) {
            return notRun(setup, workingDirectory);
        }
        List<String> wrapper = new ArrayList<>(configured.get());
        String program = ExeWrappers.program(wrapper);
        ProgramFinder finder = new ProgramFinder(environment);
        if (finder.find(program).isEmpty()) {
            throw new NativeTestException("[binaries] exe_wrapper = " + literal(wrapper) + " runs " + program
                    + ", which is not installed (not found on PATH), so the native tests cannot run. "
                    + ExeWrappers.installCommand(program, host, setup.build()).map(c -> "Install it: " + c + "; or ")
                            .orElse("Install it, or ")
                    + "correct exe_wrapper in the cross file; -DskipTests builds the tests without running them.",
                    program);
        }
        finder.find(wrapper.get(0)).ifPresent(found -> wrapper.set(0, found.toString()));
        Map<String, String> assignments = envAssignments(wrapper);
        String programName = baseName(program);
        Map<String, String> variables = new LinkedHashMap<>();
        if (programName.startsWith("qemu-") && !wrapper.contains("-L") && !assignments.containsKey("QEMU_LD_PREFIX")
                && environment.variable("QEMU_LD_PREFIX").isEmpty()) {
            List<String> sysRoot = setup.propertyStrings("sys_root");
            if (!sysRoot.isEmpty() && !sysRoot.get(0).isBlank()) {
                int at = wrapper.indexOf(program) >= 0 ? wrapper.indexOf(program) : 0;
                wrapper.addAll(at + 1, List.of("-L", sysRoot.get(0)));
            }
        }
        Optional<Command> preparation = Optional.empty();
        if (format == OutputFormat.PE) {
            List<Path> folders = new ArrayList<>(List.of(layout.bin(), layout.lib()));
            setup.nativeDependencyRuntimeFolders().stream().filter(d -> !folders.contains(d)).forEach(folders::add);
            runtimeDirectories.stream().filter(d -> !folders.contains(d)).forEach(folders::add);
            variables.put("WINEPATH", join(folders, environment.variable("WINEPATH"), ";"));
            if (programName.startsWith("wine")) {
                if (environment.variable("WINEDEBUG").isEmpty()) {
                    variables.put("WINEDEBUG", "-all");
                }
                Path prefix;
                if (assignments.containsKey("WINEPREFIX")) {
                    prefix = workingDirectory.resolve(assignments.get("WINEPREFIX"));
                } else if (environment.variable("WINEPREFIX").isPresent()) {
                    prefix = workingDirectory.resolve(environment.variable("WINEPREFIX").get());
                } else {
                    prefix = wherePrefixGoes(layout);
                    variables.put("WINEPREFIX", prefix.toString());
                }
                // wineboot writes .update-timestamp when it has made the prefix (the .reg files only appear when
                // the wineserver exits, seconds later).
                if (!Files.exists(prefix.resolve(".update-timestamp"))) {
                    List<String> argv = new ArrayList<>(wrapper);
                    argv.addAll(List.of("wineboot", "--init"));
                    preparation = Optional.of(new Command(argv, Optional.of(workingDirectory), variables, timeout));
                }
            }
        } else {
            libraryPath(variables, format, layout, environment, setup, sysrootLibraries(setup, wrapper));
        }
        return new TestLauncher(TestLauncher.Mode.EXE_WRAPPER, wrapper, variables, workingDirectory, Optional.empty(),
                Optional.empty(), preparation);
    }

    /** {@code target/cross/<classifier>/test/wine-prefix}: Wine's prefix when the environment names none. */
    public static Path wherePrefixGoes(BuildLayout layout) {
        return layout.test().root().resolve("wine-prefix");
    }

    private static TestLauncher notRun(SetupState setup, Path workingDirectory) {
        Machine host = setup.host();
        Machine build = setup.build();
        String reason = CanRun.canRun(build, host)
                ? "[properties] needs_exe_wrapper = true says " + platform(host) + " programs need a wrapper on this "
                        + platform(build) + " machine, and the cross file sets no [binaries] exe_wrapper"
                : platform(host) + " programs cannot run on this " + platform(build) + " machine, and the cross file "
                        + "sets no [binaries] exe_wrapper";
        String remedy = ExeWrappers.suggested(host, build)
                .map(s -> "add exe_wrapper = " + literal(s) + " to [binaries] of the cross file"
                        + ExeWrappers.installCommand(ExeWrappers.program(s), host, build).map(c -> " (" + c + ")")
                                .orElse(""))
                .orElse(ExeWrappers.noSuggestion(host, build) + "set [binaries] exe_wrapper of the cross file to a "
                        + "program that runs " + platform(host) + " programs on this machine (an emulator or "
                        + "simulator)");
        return new TestLauncher(TestLauncher.Mode.NOT_RUN, List.of(), Map.of(), workingDirectory, Optional.of(reason),
                Optional.of(remedy), Optional.empty());
    }

    private static void libraryPath(Map<String, String> variables, OutputFormat format, BuildLayout layout,
            HostEnvironment environment, SetupState setup, List<Path> sysroot) {
        String name = format == OutputFormat.MACH_O ? "DYLD_LIBRARY_PATH" : "LD_LIBRARY_PATH";
        List<Path> folders = new ArrayList<>(List.of(layout.lib()));
        folders.addAll(setup.nativeDependencyRuntimeFolders());
        folders.addAll(sysroot);
        variables.put(name, join(folders, environment.variable(name), ":"));
    }

    /**
     * The library folders of {@code [properties] sys_root} a test program needs on its library path
     * ({@code <sys_root>/usr/lib/<multiarch>}, {@code <sys_root>/lib/<multiarch>}): those of a sysroot of libraries
     * without a C library of its own, as cross's private sysroots are, while qemu's {@code -L} (or the build machine)
     * provides the dynamic loader and libc. None when the sysroot is qemu's {@code -L} prefix itself or has a dynamic
     * loader in its {@code lib/} (it is a whole system: its libraries must not meet another libc).
     */
    static List<Path> sysrootLibraries(SetupState setup, List<String> wrapper) {
        List<String> sysRoot = setup.propertyStrings("sys_root");
        if (sysRoot.isEmpty() || sysRoot.get(0).isBlank()) {
            return List.of();
        }
        Path root = Path.of(sysRoot.get(0));
        int prefix = wrapper.indexOf("-L");
        if (prefix >= 0 && prefix + 1 < wrapper.size() && Path.of(wrapper.get(prefix + 1)).normalize()
                .equals(root.normalize())) {
            return List.of();
        }
        try (DirectoryStream<Path> loaders = Files.newDirectoryStream(root.resolve("lib"), "ld-*.so*")) {
            if (loaders.iterator().hasNext()) {
                return List.of();
            }
        } catch (IOException | DirectoryIteratorException e) {
            // no lib/ folder: no loader either
        }
        List<Path> folders = new ArrayList<>();
        Aliases.debianMultiarch(setup.host()).ifPresent(tuple -> {
            folders.add(root.resolve("usr/lib").resolve(tuple));
            folders.add(root.resolve("lib").resolve(tuple));
        });
        return folders.stream().filter(Files::isDirectory).toList();
    }

    private static String join(List<Path> folders, Optional<String> existing, String separator) {
        String joined = folders.stream().map(Path::toString).collect(Collectors.joining(separator));
        return existing.filter(e -> !e.isEmpty()).map(e -> joined + separator + e).orElse(joined);
    }

    /** The {@code NAME=value} arguments of an {@code env} wrapper ({@code env WINEDEBUG=-all wine}). */
    private static Map<String, String> envAssignments(List<String> wrapper) {
        Map<String, String> assignments = new LinkedHashMap<>();
        if (!baseName(wrapper.get(0)).equals("env")) {
            return assignments;
        }
        for (String argument : wrapper.subList(1, wrapper.size())) {
            int equals = argument.indexOf('=');
            if (argument.startsWith("-")) {
                continue;
            }
            if (equals <= 0) {
                break;
            }
            assignments.put(argument.substring(0, equals), argument.substring(equals + 1));
        }
        return assignments;
    }

    private static String baseName(String program) {
        int slash = Math.max(program.lastIndexOf('/'), program.lastIndexOf('\\'));
        return program.substring(slash + 1);
    }

    static String platform(Machine machine) {
        return machine.system() + "/" + machine.cpuFamily();
    }

    /** A Meson array literal: {@code ['qemu-aarch64', '-L', '/usr/aarch64-linux-gnu']}. */
    static String literal(List<String> argv) {
        return argv.stream().map(a -> "'" + a.replace("\\", "\\\\").replace("'", "\\'") + "'")
                .collect(Collectors.joining(", ", "[", "]"));
    }
}
