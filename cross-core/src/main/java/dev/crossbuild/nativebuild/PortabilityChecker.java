package dev.crossbuild.nativebuild;

import dev.crossbuild.binary.Binaries;
import dev.crossbuild.binary.BinaryFile;
import dev.crossbuild.binary.BinaryFormatException;
import dev.crossbuild.binary.ElfFile;
import dev.crossbuild.binary.ElfSymbolReference;
import dev.crossbuild.binary.MachOFile;
import dev.crossbuild.binary.MachOImage;
import dev.crossbuild.binary.PeFile;
import dev.crossbuild.binary.SymbolVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The checks of the portability gate ({@link PortabilityPolicy}) on one linked output, read in pure Java: symbol
 * versions above the limits (each with the objects of the target that reference the symbol, found in their symbol
 * tables), needed libraries outside the allowed set, MinGW runtime DLLs, an executable stack (with the objects that
 * cause it), text relocations, and run paths into the build folder.
 */
final class PortabilityChecker {

    private static final String GLIBC_REMEDY = "Build against an older C library: the sysroot of the oldest "
            + "distribution you support (sys_root in the cross file's [properties]) or an older toolchain; or raise "
            + "<maxGlibc> to the oldest glibc your users run. A symbol no object of the target references comes from "
            + "the C library's own startup code (crt1.o, libc_nonshared.a), which only an older glibc avoids.";
    private static final String GLIBCXX_REMEDY = "Link the C++ runtime in with -static-libstdc++ in <linkerArgs>, "
            + "or build with an older g++ (its libstdc++ has fewer versions); or raise <maxGlibcxx>.";
    private static final String LIBRARY_REMEDY = "Link it statically (its static library, e.g. "
            + "-Wl,-Bstatic,-l<name>,-Bdynamic in <linkerArgs>), or ship it with the output and name it in "
            + "<portability><allowedLibraries> (or -Dcross.portability.allowedLibraries=<file name>).";
    private static final String STACK_REMEDY = "Link with -Wl,-z,noexecstack in <linkerArgs> (and drop "
            + "-Wl,-z,execstack); an assembly source needs .section .note.GNU-stack,\"\",%progbits, and GCC's nested "
            + "functions make trampolines on the stack. Since glibc 2.41, dlopen (System.load) refuses a library that "
            + "asks for an executable stack.";
    private static final String TEXTREL_REMEDY = "Compile every object linked in with -fPIC (cross does for its own "
            + "libraries: look for -fno-PIC or -fno-pic in <compilerArgs> or c_args, static libraries built elsewhere, "
            + "and assembly that stores absolute addresses in .text). Hardened systems (SELinux execmod) refuse to load "
            + "such a file.";
    private static final String RUNPATH_REMEDY = "Remove the -Wl,-rpath,<folder> from <linkerArgs> or the cross "
            + "file's c_link_args / cpp_link_args: the folder exists only on the build machine. cross already gives "
            + "outputs that link the module's libraries an $ORIGIN-relative run path.";

    private final PortabilityPolicy policy;
    private final String system;
    private final Optional<SystemLibraries> systemLibraries;
    private final Set<String> projectLibraries;
    private final List<Pattern> allowed;
    private final BuildLayout layout;

    /**
     * @param projectLibraries the file names of the module's shared libraries (what other outputs need them as), and
     *     those of its native dependencies
     */
    PortabilityChecker(PortabilityPolicy policy, String system, Set<String> projectLibraries, BuildLayout layout) {
        this.policy = policy;
        this.system = system;
        this.systemLibraries = SystemLibraries.of(system);
        boolean ignoreCase = SystemLibraries.ignoresCase(system);
        this.projectLibraries = new LinkedHashSet<>();
        projectLibraries.forEach(name -> this.projectLibraries.add(ignoreCase ? name.toLowerCase(Locale.ROOT) : name));
        this.allowed = policy.allowedLibraries().stream().map(name -> SystemLibraries.glob(name, ignoreCase)).toList();
        this.layout = layout;
    }

    /**
     * The problems of {@code output} (a shared library or executable), in check order.
     *
     * @param objects the target's objects and the project's static libraries linked into it, searched for the
     *     symbols a version check finds and for what makes the stack executable
     */
    List<PortabilityProblem> check(Path output, List<Path> objects) throws IOException {
        String shown = OutputsJson.relative(layout, output);
        BinaryFile binary;
        try {
            binary = Binaries.read(output);
        } catch (BinaryFormatException e) {
            throw new IOException(output + " was verified but cannot be read again: " + e.problem(), e);
        }
        ObjectSymbols symbols = new ObjectSymbols(objects);
        List<PortabilityProblem> problems = new ArrayList<>();
        if (binary instanceof ElfFile elf) {
            policy.glibcLimit().ifPresent(max -> versions(elf, shown, max, "maxGlibc",
                    PortabilityProblem.GLIBC, GLIBC_REMEDY, symbols, problems));
            policy.glibcxxLimit().ifPresent(max -> versions(elf, shown, max, "maxGlibcxx",
                    PortabilityProblem.GLIBCXX, GLIBCXX_REMEDY, symbols, problems));
            libraries(elf.needed(), shown, problems);
            if (elf.stack().executable()) {
                List<String> culprits = symbols.executableStack();
                problems.add(new PortabilityProblem(shown, PortabilityProblem.EXECUTABLE_STACK, "PT_GNU_STACK",
                        "asks for an executable stack (PT_GNU_STACK with PF_X); " + (culprits.isEmpty()
                                ? "every object has a non-executable .note.GNU-stack, so the link asked for it "
                                        + "(-z execstack)"
                                : "objects without a non-executable .note.GNU-stack: " + String.join(", ", culprits)),
                        culprits, STACK_REMEDY));
            }
            if (elf.dynamic().textrel()) {
                problems.add(new PortabilityProblem(shown, PortabilityProblem.TEXTREL, "DT_TEXTREL",
                        "has text relocations (DT_TEXTREL): the loader must write into its code", List.of(),
                        TEXTREL_REMEDY));
            }
            elf.dynamic().runpath().ifPresent(path -> runPath("DT_RUNPATH", path, shown, problems));
            elf.dynamic().rpath().ifPresent(path -> runPath("DT_RPATH", path, shown, problems));
        } else if (binary instanceof PeFile pe) {
            libraries(pe.imports(), shown, problems);
        } else if (binary instanceof MachOFile macho) {
            MachOImage image = macho.images().get(0);
            libraries(image.loadDylibs(), shown, problems);
            image.rpaths().forEach(path -> runPath("LC_RPATH", path, shown, problems));
        }
        return problems;
    }

    private void versions(ElfFile elf, String shown, SymbolVersion max, String parameter, String check, String remedy,
            ObjectSymbols symbols, List<PortabilityProblem> problems) {
        List<ElfSymbolReference> above = elf.undefinedSymbols().stream()
                .filter(s -> s.version().flatMap(SymbolVersion::parse)
                        .filter(v -> v.prefix().equals(max.prefix()) && v.compareTo(max) > 0).isPresent())
                .toList();
        for (ElfSymbolReference symbol : above) {
            List<String> objects = symbols.referencing(symbol.name());
            problems.add(new PortabilityProblem(shown, check, symbol.toString(), symbol
                    + symbol.library().map(l -> " (" + l + ")").orElse("") + " is newer than " + parameter + " "
                    + max.number() + "; " + (objects.isEmpty()
                            ? "no object of the target references it: it comes from the C runtime's startup files "
                                    + "(crt1.o) or a library linked in"
                            : "referenced by " + String.join(", ", objects)),
                    objects, remedy));
        }
        if (above.isEmpty() && elf.undefinedSymbols().stream().noneMatch(s -> s.version().isPresent())) {
            // No section headers, so no symbol versions: the versions needed, without their symbols.
            elf.dynamic().versionsNeeded().forEach((library, versions) -> versions.stream()
                    .flatMap(v -> SymbolVersion.parse(v).stream())
                    .filter(v -> v.prefix().equals(max.prefix()) && v.compareTo(max) > 0)
                    .forEach(v -> problems.add(new PortabilityProblem(shown, check, v.toString(), "needs " + v
                            + " (" + library + "), newer than " + parameter + " " + max.number(), List.of(), remedy))));
        }
    }

    private void libraries(List<String> needed, String shown, List<PortabilityProblem> problems) {
        boolean ignoreCase = SystemLibraries.ignoresCase(system);
        for (String library : needed) {
            String name = SystemLibraries.fileName(library);
            if (projectLibraries.contains(ignoreCase ? name.toLowerCase(Locale.ROOT) : name)
                    || allowed.stream().anyMatch(p -> p.matcher(name).matches())) {
                continue;
            }
            if (system.equals("windows") && SystemLibraries.isMingwRuntime(name)) {
                problems.add(new PortabilityProblem(shown, PortabilityProblem.MINGW_RUNTIME, name, "imports " + name
                        + ", a DLL of MinGW's GCC runtime that Windows machines without MinGW do not have",
                        List.of(), mingwRemedy(name)));
            } else if (systemLibraries.isPresent() && !systemLibraries.get().contains(library)) {
                problems.add(new PortabilityProblem(shown, PortabilityProblem.LIBRARY, name, "needs " + library
                        + ", which is not a system library of " + systemLibraries.get().describe()
                        + ", nor one of the module's libraries or <allowedLibraries>", List.of(), LIBRARY_REMEDY));
            }
        }
    }

    private static String mingwRemedy(String dll) {
        String ship = " Or ship " + dll + " beside the output (from the MinGW installation) and name it in "
                + "<portability><allowedLibraries>.";
        String lower = dll.toLowerCase(Locale.ROOT);
        if (lower.startsWith("libgcc_s_") || lower.equals("libstdc++-6.dll")) {
            return dll + ": add -static-libgcc -static-libstdc++ to <linkerArgs> (the C++ runtime and libgcc linked "
                    + "in)." + ship;
        }
        if (lower.equals("libwinpthread-1.dll")) {
            return dll + ": the posix-thread MinGW g++ (x86_64-w64-mingw32-g++-posix, the windows-x64.ini preset's) "
                    + "links libstdc++ against winpthread, so -static-libgcc -static-libstdc++ still leave it; link "
                    + "with -static in <linkerArgs> (every library taken statically: for targets that link no DLL of "
                    + "the module), or build with the win32-thread x86_64-w64-mingw32-g++ and -static-libgcc "
                    + "-static-libstdc++." + ship;
        }
        return dll + ": link its library statically (-static in <linkerArgs>)." + ship;
    }

    private void runPath(String tag, String value, String shown, List<PortabilityProblem> problems) {
        for (String entry : value.split(":")) {
            if (entry.isEmpty() || entry.startsWith("$ORIGIN") || entry.startsWith("${ORIGIN}")
                    || entry.startsWith("@")) {
                continue;
            }
            Path path;
            try {
                path = Path.of(entry);
            } catch (RuntimeException e) {
                continue; // not a path of this machine
            }
            if (!path.isAbsolute()) {
                continue;
            }
            Path normalized = path.normalize();
            for (Path folder : policy.buildFolders()) {
                if (normalized.startsWith(folder)) {
                    problems.add(new PortabilityProblem(shown, PortabilityProblem.RUNPATH, entry, tag + " " + entry
                            + " points into the build folder " + folder + ", which exists only on the build machine",
                            List.of(), RUNPATH_REMEDY));
                    break;
                }
            }
        }
    }

    /** The undefined symbols and stack notes of the target's objects, read once, when a check first asks. */
    private final class ObjectSymbols {

        private final List<Path> files;
        private Map<String, ElfFile> objects;

        ObjectSymbols(List<Path> files) {
            this.files = files;
        }

        /** The objects whose symbol table has {@code symbol} undefined, by their shown names. */
        List<String> referencing(String symbol) {
            List<String> found = new ArrayList<>();
            objects().forEach((name, elf) -> {
                if (elf.undefinedSymbols().stream().anyMatch(s -> s.name().equals(symbol))) {
                    found.add(name);
                }
            });
            return found;
        }

        /** The objects whose stack note is missing or executable. */
        List<String> executableStack() {
            List<String> found = new ArrayList<>();
            objects().forEach((name, elf) -> {
                if (elf.stack().objectNeedsExecutable()) {
                    found.add(name);
                }
            });
            return found;
        }

        private Map<String, ElfFile> objects() {
            if (objects == null) {
                objects = new LinkedHashMap<>();
                for (Path file : files) {
                    read(file);
                }
            }
            return objects;
        }

        /** An object, or each member of an archive; what cannot be read as ELF is left out. */
        private void read(Path file) {
            String shown = file.startsWith(layout.root()) ? OutputsJson.relative(layout, file) : file.toString();
            byte[] content;
            try {
                content = Files.readAllBytes(file);
            } catch (IOException e) {
                return; // gone since the link: nothing to name
            }
            if (ArArchive.isArchive(content)) {
                try {
                    for (ArArchive.Member member : ArArchive.members(content)) {
                        parse(shown + "(" + member.name() + ")", member.content());
                    }
                } catch (IllegalArgumentException e) {
                    return; // verified when it was linked
                }
            } else {
                parse(shown, content);
            }
        }

        private void parse(String name, byte[] content) {
            try {
                if (Binaries.parse(name, content) instanceof ElfFile elf) {
                    objects.put(name, elf);
                }
            } catch (BinaryFormatException e) {
                // not an object this check can read (a COFF member of a MinGW archive)
            }
        }
    }
}
