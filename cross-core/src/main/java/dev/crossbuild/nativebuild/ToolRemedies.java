package dev.crossbuild.nativebuild;

import dev.crossbuild.machine.Aliases;
import dev.crossbuild.machine.Machine;
import java.util.Optional;

/** Remedies for a binutils program the host toolchain lacks, in the words of the doctor's findings. */
final class ToolRemedies {

    private ToolRemedies() {
    }

    /**
     * {@code install the target binutils (Debian/Ubuntu: sudo apt-get install binutils-aarch64-linux-gnu) or name the
     * program in the cross file's [binaries] strip}.
     */
    static String binutils(Machine host, Machine build, String key) {
        String install = packageName(host, build).map(name -> " (Debian/Ubuntu: sudo apt-get install " + name + ")")
                .orElse("");
        return "install the target binutils" + install + " or name the program in the cross file's [binaries] " + key;
    }

    /** {@code binutils-aarch64-linux-gnu}, {@code binutils-mingw-w64-x86-64}, {@code binutils} for the build's own arch. */
    private static Optional<String> packageName(Machine host, Machine build) {
        Optional<String> triplet = Aliases.gnuTriplet(host);
        if (triplet.isEmpty() || !build.system().equals("linux")) {
            return Optional.empty();
        }
        String t = triplet.get();
        if (t.contains("-mingw32")) {
            return Optional.of("binutils-mingw-w64-" + t.substring(0, t.indexOf('-')).replace('_', '-'));
        }
        if (host.system().equals(build.system()) && Aliases.debianArch(host).equals(Aliases.debianArch(build))) {
            return Optional.of("binutils");
        }
        return Optional.of("binutils-" + t.replace('_', '-'));
    }
}
