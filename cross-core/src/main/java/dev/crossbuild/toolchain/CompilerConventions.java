package dev.crossbuild.toolchain;

import dev.crossbuild.exec.ProgramFinder;
import dev.crossbuild.machine.Aliases;
import dev.crossbuild.machine.Machine;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The compilers tried, in order, when {@code [binaries]} names none. For a machine foreign to the build machine:
 * the Debian/MinGW cross gcc ({@code aarch64-linux-gnu-gcc}; {@code x86_64-w64-mingw32-gcc-posix} first, whose
 * thread model has {@code std::thread}), its versioned names found on PATH ({@code aarch64-linux-gnu-gcc-12},
 * newest first), then {@code clang --target=<triple>} with {@code -fuse-ld=lld} when {@code ld.lld} is installed
 * (not for riscv64: lld 14 cannot link it) and never with {@code --sysroot=/usr/<triple>} (which breaks the libc.so
 * linker script). Never the build machine's {@code cc}: it would silently build for the wrong machine. For the build
 * machine itself: {@code cc}, {@code gcc}, {@code clang} (C++: {@code c++}, {@code g++}, {@code clang++}), Meson's
 * order.
 */
final class CompilerConventions {

    private CompilerConventions() {
    }

    /** One conventional compiler: its argv with bare names, and how to show it in a list of what was tried. */
    record Candidate(List<String> argv, String shown) {
    }

    static List<Candidate> candidates(MachineSetup setup, Language language, ProgramFinder finder) {
        if (!setup.cross()) {
            List<String> names = language == Language.C ? List.of("cc", "gcc", "clang") : List.of("c++", "g++", "clang++");
            return names.stream().map(name -> new Candidate(List.of(name), name)).toList();
        }
        Machine machine = setup.machine();
        Optional<String> triplet = Aliases.gnuTriplet(machine);
        if (triplet.isEmpty()) {
            return List.of();
        }
        String t = triplet.get();
        String driver = language == Language.C ? "gcc" : "g++";
        boolean windows = machine.system().equals("windows");
        List<Candidate> candidates = new ArrayList<>();
        if (windows) {
            candidates.add(plain(t + "-" + driver + "-posix"));
        }
        candidates.add(plain(t + "-" + driver));
        for (String name : versioned(finder, Pattern.quote(t + "-" + driver) + "-([0-9]+)(-posix)?")) {
            candidates.add(plain(name));
        }
        if (!windows) {
            candidates.add(clang(t, language, machine, finder));
        }
        return candidates;
    }

    /**
     * What {@link #candidates} looks for, for a message saying none was found: {@code aarch64-linux-gnu-gcc,
     * aarch64-linux-gnu-gcc-<N>, clang --target=aarch64-linux-gnu}.
     */
    static List<String> described(MachineSetup setup, Language language) {
        if (!setup.cross()) {
            return language == Language.C ? List.of("cc", "gcc", "clang") : List.of("c++", "g++", "clang++");
        }
        Optional<String> triplet = Aliases.gnuTriplet(setup.machine());
        if (triplet.isEmpty()) {
            return List.of();
        }
        String t = triplet.get();
        String driver = language == Language.C ? "gcc" : "g++";
        if (setup.machine().system().equals("windows")) {
            return List.of(t + "-" + driver + "-posix", t + "-" + driver, t + "-" + driver + "-<N>[-posix]");
        }
        String clang = language == Language.C ? "clang" : "clang++";
        return List.of(t + "-" + driver, t + "-" + driver + "-<N>", clang + " --target=" + t);
    }

    private static Candidate plain(String name) {
        return new Candidate(List.of(name), name);
    }

    private static Candidate clang(String triplet, Language language, Machine machine, ProgramFinder finder) {
        String name = language == Language.C ? "clang" : "clang++";
        String program = name;
        if (finder.find(name).isEmpty()) {
            List<String> versions = versioned(finder, Pattern.quote(name) + "-([0-9]+)()");
            if (!versions.isEmpty()) {
                program = versions.get(0);
            }
        }
        List<String> argv = new ArrayList<>(List.of(program, "--target=" + triplet));
        if (!machine.cpuFamily().equals("riscv64") && finder.find("ld.lld").isPresent()) {
            argv.add("-fuse-ld=lld");
        }
        return new Candidate(argv, String.join(" ", argv));
    }

    /**
     * Names on PATH matching {@code regex} (group 1 the version, group 2 a variant preferred when present), newest
     * version first.
     */
    static List<String> versioned(ProgramFinder finder, String regex) {
        Pattern pattern = Pattern.compile(regex);
        Comparator<String> newestFirst = Comparator.comparingInt((String name) -> version(pattern, name)).reversed()
                .thenComparing(name -> variant(pattern, name) ? 0 : 1);
        List<String> names = new ArrayList<>(finder.namesOnPath(name -> pattern.matcher(name).matches()));
        names.sort(newestFirst);
        return names;
    }

    private static int version(Pattern pattern, String name) {
        Matcher m = pattern.matcher(name);
        if (!m.matches()) {
            return -1;
        }
        String digits = m.group(1);
        return digits.length() > 6 ? -1 : Integer.parseInt(digits);
    }

    private static boolean variant(Pattern pattern, String name) {
        Matcher m = pattern.matcher(name);
        return m.matches() && m.groupCount() >= 2 && m.group(2) != null && !m.group(2).isEmpty();
    }
}
