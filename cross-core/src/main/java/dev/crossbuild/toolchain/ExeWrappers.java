package dev.crossbuild.toolchain;

import dev.crossbuild.machine.Machine;
import java.util.List;
import java.util.Optional;

/**
 * What the doctor knows about {@code [binaries] exe_wrapper}, for the goals that run host programs (native tests):
 * the program a wrapper runs, the wrapper this project would suggest for a machine, and the package that installs a
 * wrapper program. The same answers as the doctor's {@code exe-wrapper} finding.
 */
public final class ExeWrappers {

    private ExeWrappers() {
    }

    /** The program a wrapper runs: argv[0], or for {@code env [-opts] [NAME=value...] program} that program. */
    public static String program(List<String> wrapper) {
        return ExeWrapperCheck.programOf(wrapper);
    }

    /**
     * {@code ['qemu-aarch64', '-L', '/usr/aarch64-linux-gnu']}, {@code ['env', 'WINEDEBUG=-all', 'wine']} (for Windows
     * programs of the build machine's CPU); empty when none is known.
     */
    public static Optional<List<String>> suggested(Machine host, Machine build) {
        return ExeWrapperCheck.suggestion(host, build);
    }

    /**
     * Why no wrapper is suggested when the obvious one cannot run the host's programs here (Wine and windows/aarch64
     * programs on an x86_64 machine), as the start of a remedy ending in "or ..."; else empty.
     */
    public static String noSuggestion(Machine host, Machine build) {
        return ExeWrapperCheck.noSuggestion(host, build);
    }

    /** {@code sudo apt-get install qemu-user} for {@code qemu-aarch64}; empty when no Debian package is known for it. */
    public static Optional<String> installCommand(String program, Machine host, Machine build) {
        return DebianPackages.forMachine(host, build).forProgram(program).map(p -> DebianPackages.install(List.of(p)));
    }
}
