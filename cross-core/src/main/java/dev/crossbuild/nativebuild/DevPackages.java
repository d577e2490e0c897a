package dev.crossbuild.nativebuild;

import dev.crossbuild.machine.Aliases;
import dev.crossbuild.machine.Machine;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How to install a pkg-config package for the host machine on Debian/Ubuntu: the {@code -dev} package that ships its
 * {@code .pc} file, for the host's dpkg architecture (multiarch: {@code zlib1g-dev:arm64}, after adding the
 * architecture to dpkg). Names that do not follow {@code lib<name>-dev} are in a small table.
 */
final class DevPackages {

    private static final Map<String, String> KNOWN = Map.ofEntries(
            Map.entry("zlib", "zlib1g-dev"),
            Map.entry("openssl", "libssl-dev"),
            Map.entry("libssl", "libssl-dev"),
            Map.entry("libcrypto", "libssl-dev"),
            Map.entry("libpng", "libpng-dev"),
            Map.entry("libcurl", "libcurl4-openssl-dev"),
            Map.entry("glib-2.0", "libglib2.0-dev"),
            Map.entry("expat", "libexpat1-dev"),
            Map.entry("bzip2", "libbz2-dev"),
            Map.entry("uuid", "uuid-dev"),
            Map.entry("libxml-2.0", "libxml2-dev"),
            Map.entry("sqlite3", "libsqlite3-dev"));

    private DevPackages() {
    }

    /** A comparison of a pkg-config requirement and what follows it: {@code >= 2} of {@code bar >= 2}. */
    private static final Pattern CONSTRAINT = Pattern.compile("\\s*(?:[<>!]?=|[<>]).*$");

    /**
     * The package name of a pkg-config requirement: {@code bar} for {@code bar >= 2} (pkg-config takes a version
     * constraint with the name, as Meson's {@code dependency('bar', version: '>=2')} asks for it), {@code bar} for
     * {@code bar}.
     */
    static String moduleName(String requirement) {
        String name = CONSTRAINT.matcher(requirement.strip()).replaceFirst("").strip();
        int space = name.indexOf(' ');
        return space < 0 ? name : name.substring(0, space);
    }

    /** {@code zlib1g-dev}, {@code libssl-dev}, {@code libfoo-dev} for {@code foo} or {@code libfoo} (or {@code foo >= 2}). */
    static String devPackage(String requirement) {
        String pkgConfigName = moduleName(requirement);
        String known = KNOWN.get(pkgConfigName);
        if (known != null) {
            return known;
        }
        return (pkgConfigName.startsWith("lib") ? pkgConfigName : "lib" + pkgConfigName) + "-dev";
    }

    /**
     * The {@code -dev} package a private sysroot would fetch for a Linux {@code host} of another architecture than the
     * build machine's (Debian has a port for it, and the build machine is Linux).
     */
    static Optional<String> sysrootPackage(String pkgConfigName, Machine host, Machine build) {
        Optional<String> arch = Aliases.debianArch(host);
        if (!build.system().equals("linux") || !host.system().equals("linux") || arch.isEmpty()
                || arch.equals(Aliases.debianArch(build))) {
            return Optional.empty();
        }
        return Optional.of(devPackage(pkgConfigName));
    }

    /** The apt command that installs the package for {@code host}, when the build machine is Linux and Debian has the host's architecture. */
    static Optional<String> installCommand(String pkgConfigName, Machine host, Machine build) {
        if (!build.system().equals("linux")) {
            return Optional.empty();
        }
        if (host.system().equals("windows") && moduleName(pkgConfigName).equals("zlib")
                && Aliases.gnuTriplet(host).filter(t -> t.endsWith("-w64-mingw32")).isPresent()) {
            return Optional.of("sudo apt-get install libz-mingw-w64-dev");
        }
        if (!host.system().equals("linux")) {
            return Optional.empty();
        }
        Optional<String> arch = Aliases.debianArch(host);
        if (arch.isEmpty()) {
            return Optional.empty();
        }
        String dev = devPackage(pkgConfigName);
        if (arch.equals(Aliases.debianArch(build))) {
            return Optional.of("sudo apt-get install " + dev);
        }
        return Optional.of("sudo dpkg --add-architecture " + arch.get() + " && sudo apt-get update && sudo apt-get install "
                + dev + ":" + arch.get());
    }
}
