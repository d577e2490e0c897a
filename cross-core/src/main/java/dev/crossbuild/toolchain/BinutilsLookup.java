package dev.crossbuild.toolchain;

import dev.crossbuild.exec.ProgramFinder;
import dev.crossbuild.machine.Aliases;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds {@code ar}, {@code ranlib}, {@code strip}, {@code objcopy} and {@code ld} for a machine: the
 * {@code [binaries]} entry when there is one, else the same toolchain as the compiler. For gcc that is its own
 * prefix ({@code aarch64-linux-gnu-gcc-12} beside {@code aarch64-linux-gnu-ar}) or its target triple; for clang the
 * LLVM tools of its version ({@code llvm-ar-14}, {@code llvm-ar}, then any {@code llvm-ar-<N>}), which handle every
 * target, then the GNU ones of the triple. The build machine's plain {@code ar}/{@code strip} only for the build
 * machine itself: on a foreign ELF file they fail ("Unable to recognise the format of the input file").
 */
final class BinutilsLookup {

    static final List<String> KEYS = List.of("ar", "ranlib", "strip", "objcopy", "ld");

    private static final Pattern GCC_DRIVER = Pattern.compile("(.*-)?(?:gcc|g\\+\\+|cc|c\\+\\+)(?:-[0-9.]+)?(?:-posix|-win32)?");

    /** The outcome for one key: the tool, whether {@code [binaries]} named it, and what was looked for. */
    record Result(String key, Optional<Tool> tool, Optional<List<String>> given, List<String> tried) {
    }

    private final ProgramFinder finder;

    BinutilsLookup(ProgramFinder finder) {
        this.finder = finder;
    }

    Result find(String key, MachineSetup setup, Optional<Compiler> compiler) {
        Optional<List<String>> given = setup.binary(key);
        if (given.isPresent()) {
            List<String> argv = given.get();
            Optional<Path> program = finder.find(argv.get(0));
            Optional<Tool> tool = program.map(path -> tool(key, path, argv.subList(1, argv.size()),
                    setup.binaryOrigin(key)));
            return new Result(key, tool, given, List.of(argv.get(0)));
        }
        List<String> tried = new ArrayList<>();
        for (String candidate : candidates(key, setup, compiler)) {
            tried.add(candidate);
            Optional<Path> program = finder.find(candidate);
            if (program.isPresent()) {
                return new Result(key, Optional.of(tool(key, program.get(), List.of(),
                        "convention: " + Launchers.baseName(candidate))), Optional.empty(), tried);
            }
        }
        return new Result(key, Optional.empty(), Optional.empty(), tried);
    }

    private static Tool tool(String key, Path program, List<String> arguments, String origin) {
        List<String> argv = new ArrayList<>();
        argv.add(program.toString());
        argv.addAll(arguments);
        return new Tool(key, argv, origin);
    }

    private List<String> candidates(String key, MachineSetup setup, Optional<Compiler> compiler) {
        Set<String> names = new LinkedHashSet<>();
        Optional<String> machineTriplet = Aliases.gnuTriplet(setup.machine());
        if (compiler.isPresent() && compiler.get().id().isClang()) {
            List<String> argv = compiler.get().argvWithoutLauncher();
            if (key.equals("ld")) {
                if (argv.contains("-fuse-ld=lld")) {
                    names.add("ld.lld");
                }
            } else {
                String llvm = "llvm-" + key;
                compiler.get().id().majorVersion().ifPresent(major -> names.add(llvm + "-" + major));
                names.add(llvm);
                names.addAll(CompilerConventions.versioned(finder, Pattern.quote(llvm) + "-([0-9]+)()"));
            }
            names.add(compiler.get().id().targetTriple() + "-" + key);
        } else if (compiler.isPresent()) {
            String program = compiler.get().argvWithoutLauncher().get(0);
            Matcher driver = GCC_DRIVER.matcher(Launchers.baseName(program));
            String prefix = driver.matches() && driver.group(1) != null ? driver.group(1) : "";
            Path sibling = Path.of(program).resolveSibling(prefix + key);
            if (!prefix.isEmpty() || !setup.cross()) {
                if (sibling.getParent() != null && !finder.directories().contains(sibling.getParent())) {
                    names.add(sibling.toString()); // a toolchain outside PATH keeps its binutils beside gcc
                }
                names.add(prefix + key);
            }
            names.add(compiler.get().id().targetTriple() + "-" + key);
        }
        machineTriplet.ifPresent(t -> names.add(t + "-" + key));
        if (compiler.isEmpty() && !key.equals("ld")) {
            names.add("llvm-" + key);
        }
        if (!setup.cross()) {
            names.add(key);
        }
        if (setup.cross()) {
            names.remove(key); // a prefix-less gcc in a cross build must not lead to the build machine's tools
        }
        return List.copyOf(names);
    }
}
