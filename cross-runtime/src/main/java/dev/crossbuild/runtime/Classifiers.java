package dev.crossbuild.runtime;

import java.io.BufferedReader;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The classifier of the running platform, named as the cross plugin names its outputs (os-maven-plugin style
 * {@code <os>-<arch>}, {@code Aliases.classifier} in cross-core), plus {@code -musl} on Linux with musl libc.
 */
final class Classifiers {

    /** The system property that replaces detection. */
    static final String PROPERTY = "cross.runtime.classifier";

    private static final Pattern UNSAFE = Pattern.compile("[^a-z0-9_.]+");
    private static final Pattern MUSL_LOADER = Pattern.compile("ld-musl-.*\\.so\\.1");

    private Classifiers() {
    }

    /** The classifier of this JVM's platform, read from system properties and {@code /proc/self/maps}. */
    static String detect() {
        String osName = System.getProperty("os.name", "");
        String osArch = System.getProperty("os.arch", "");
        if (!os(osName).equals("linux")) {
            return of(osName, osArch, false);
        }
        String maps = readProcSelfMaps();
        return of(osName, osArch, maps != null ? isMusl(maps) : hasMuslLoaderInLib());
    }

    /** The classifier for these {@code os.name} and {@code os.arch} values and this {@code /proc/self/maps} text. */
    static String of(String osName, String osArch, String procSelfMaps) {
        return of(osName, osArch, isMusl(procSelfMaps));
    }

    static String of(String osName, String osArch, boolean musl) {
        String os = os(osName);
        String classifier = os + "-" + arch(osArch);
        return musl && os.equals("linux") ? classifier + "-musl" : classifier;
    }

    /** Whether a process's memory map shows musl's dynamic loader or libc. */
    static boolean isMusl(String procSelfMaps) {
        return procSelfMaps.contains("/ld-musl-") || procSelfMaps.contains("libc.musl-");
    }

    /** Java {@code os.name} prefixes (lower case) and the OS name of classifiers, in the order tried. */
    private static final String[][] SYSTEMS = pairs("linux linux, windows windows, mac osx, darwin osx,"
            + " freebsd freebsd, openbsd openbsd, netbsd netbsd, sunos sunos, solaris sunos, aix aix");

    /** Java {@code os.arch} values and the architecture name of classifiers, as cross-core's Aliases writes it. */
    private static final String[][] ARCHITECTURES = pairs("amd64 x86_64, x86_64 x86_64,"
            + " x86 x86_32, i386 x86_32, i486 x86_32, i586 x86_32, i686 x86_32, aarch64 aarch_64, arm64 aarch_64,"
            + " riscv64 riscv64, riscv32 riscv, ppc64le ppcle_64, ppc64 ppc_64, ppcle ppcle_32, ppc ppc_32,"
            + " s390x s390_64, s390 s390_32, loongarch64 loongarch_64, mips64el mipsel_64, mips64 mips_64,"
            + " mipsel mipsel_32, mips mips_32, sparcv9 sparc_64, sparc sparc_32, ia64 itanium_64");

    /** {@code "a b, c d"} as {@code {{a, b}, {c, d}}}: a table in a few bytes of class file. */
    private static String[][] pairs(String table) {
        String[] rows = table.split(", ");
        String[][] pairs = new String[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            pairs[i] = rows[i].split(" ");
        }
        return pairs;
    }

    /** os-maven-plugin's OS name for a Java {@code os.name}. */
    static String os(String osName) {
        String name = osName.toLowerCase(Locale.ROOT);
        for (String[] system : SYSTEMS) {
            if (name.startsWith(system[0])) {
                return system[1];
            }
        }
        return sanitise(name);
    }

    /** os-maven-plugin's architecture name for a Java {@code os.arch}; any other ARM is {@code arm_32}. */
    static String arch(String osArch) {
        String arch = osArch.toLowerCase(Locale.ROOT);
        for (String[] architecture : ARCHITECTURES) {
            if (arch.equals(architecture[0])) {
                return architecture[1];
            }
        }
        return arch.startsWith("arm") ? "arm_32" : sanitise(arch);
    }

    private static String sanitise(String name) {
        String safe = UNSAFE.matcher(name).replaceAll("_");
        return safe.isEmpty() ? "unknown" : safe;
    }

    /** The text of {@code /proc/self/maps}, or null when it cannot be read. */
    private static String readProcSelfMaps() {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        try (Reader in = new BufferedReader(new InputStreamReader(
                new FileInputStream("/proc/self/maps"), Charset.forName("ISO-8859-1")))) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                text.append(buffer, 0, n);
            }
            return text.toString();
        } catch (IOException | SecurityException e) {
            return null;
        }
    }

    /** Without {@code /proc}: musl's dynamic loader {@code /lib/ld-musl-<arch>.so.1} is there only on musl systems. */
    private static boolean hasMuslLoaderInLib() {
        String[] names = new File("/lib").list();
        if (names != null) {
            for (String name : names) {
                if (MUSL_LOADER.matcher(name).matches()) {
                    return true;
                }
            }
        }
        return false;
    }
}
