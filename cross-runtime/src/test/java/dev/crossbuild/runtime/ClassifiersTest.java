package dev.crossbuild.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ClassifiersTest {

    /** Lines as {@code /proc/self/maps} shows them for a JVM on Alpine (musl): musl's loader is its libc. */
    static final String ALPINE_MAPS = ""
            + "55d0c4a5e000-55d0c4a5f000 r--p 00000000 00:2e 1182116   /usr/lib/jvm/java-17-openjdk/bin/java\n"
            + "7f3b0c9d1000-7f3b0ca1e000 r-xp 00001000 00:2e 1182240   /usr/lib/jvm/java-17-openjdk/lib/libjli.so\n"
            + "7f3b0cd2c000-7f3b0cd41000 r--p 00000000 00:2e 1052211   /lib/ld-musl-x86_64.so.1\n"
            + "7f3b0cd41000-7f3b0cd88000 r-xp 00015000 00:2e 1052211   /lib/ld-musl-x86_64.so.1\n"
            + "7ffd3c2f1000-7ffd3c312000 rw-p 00000000 00:00 0         [stack]\n";

    /** Lines as {@code /proc/self/maps} shows them for a JVM on Debian 12 (glibc). */
    static final String GLIBC_MAPS = ""
            + "5585e1a0a000-5585e1a0b000 r--p 00000000 fe:01 2099712   /usr/lib/jvm/java-17-openjdk-amd64/bin/java\n"
            + "7f0e8d400000-7f0e8d426000 r--p 00000000 fe:01 1572900   /usr/lib/x86_64-linux-gnu/libc.so.6\n"
            + "7f0e8d426000-7f0e8d57b000 r-xp 00026000 fe:01 1572900   /usr/lib/x86_64-linux-gnu/libc.so.6\n"
            + "7f0e8d8d9000-7f0e8d8fe000 r-xp 00001000 fe:01 1572883   /usr/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2\n"
            + "7ffc8f6c7000-7ffc8f6e8000 rw-p 00000000 00:00 0         [stack]\n";

    /** musl's libc under its other name, {@code libc.musl-<arch>.so.1}. */
    static final String ALPINE_AARCH64_MAPS = ""
            + "ffff8a3f0000-ffff8a480000 r-xp 00000000 00:2e 4242      /usr/lib/libc.musl-aarch64.so.1\n";

    @ParameterizedTest
    @CsvSource({
            "Linux, amd64, linux-x86_64",
            "Linux, x86_64, linux-x86_64",
            "Linux, i386, linux-x86_32",
            "Linux, i686, linux-x86_32",
            "Linux, x86, linux-x86_32",
            "Linux, aarch64, linux-aarch_64",
            "Linux, arm, linux-arm_32",
            "Linux, armv7l, linux-arm_32",
            "Linux, riscv64, linux-riscv64",
            "Linux, ppc64le, linux-ppcle_64",
            "Linux, ppc64, linux-ppc_64",
            "Linux, ppcle, linux-ppcle_32",
            "Linux, ppc, linux-ppc_32",
            "Linux, s390x, linux-s390_64",
            "Linux, loongarch64, linux-loongarch_64",
            "Linux, mips64el, linux-mipsel_64",
            "Linux, mips64, linux-mips_64",
            "Linux, mipsel, linux-mipsel_32",
            "Linux, mips, linux-mips_32",
            "SunOS, sparcv9, sunos-sparc_64",
            "Windows 11, amd64, windows-x86_64",
            "Windows Server 2022, aarch64, windows-aarch_64",
            "Windows 10, x86, windows-x86_32",
            "Mac OS X, aarch64, osx-aarch_64",
            "Mac OS X, x86_64, osx-x86_64",
            "Darwin, arm64, osx-aarch_64",
            "FreeBSD, amd64, freebsd-x86_64",
            "OpenBSD, amd64, openbsd-x86_64",
            "NetBSD, aarch64, netbsd-aarch_64",
            "Solaris, amd64, sunos-x86_64",
            "AIX, ppc64, aix-ppc_64",
            "Haiku, x86_64, haiku-x86_64",
            "Linux, e2k, linux-e2k",
            "OS/2, Weird-CPU, os_2-weird_cpu",
    })
    void namesPlatformsAsThePluginDoes(String osName, String osArch, String classifier) {
        assertEquals(classifier, Classifiers.of(osName, osArch, GLIBC_MAPS));
    }

    @Test
    void muslFromProcSelfMaps() {
        assertEquals("linux-x86_64-musl", Classifiers.of("Linux", "amd64", ALPINE_MAPS));
        assertEquals("linux-aarch_64-musl", Classifiers.of("Linux", "aarch64", ALPINE_AARCH64_MAPS));
        assertEquals("linux-x86_64", Classifiers.of("Linux", "amd64", GLIBC_MAPS));
        assertEquals("linux-x86_64", Classifiers.of("Linux", "amd64", ""));
    }

    @Test
    void muslOnlyOnLinux() {
        assertEquals("freebsd-x86_64", Classifiers.of("FreeBSD", "amd64", true));
        assertEquals("linux-riscv64-musl", Classifiers.of("Linux", "riscv64", true));
    }

    @Test
    void isMuslLooksForMuslsLoaderOrLibc() {
        assertTrue(Classifiers.isMusl(ALPINE_MAPS));
        assertTrue(Classifiers.isMusl(ALPINE_AARCH64_MAPS));
        assertFalse(Classifiers.isMusl(GLIBC_MAPS));
    }

    @Test
    void detectsThisJvmsPlatform() {
        String expected = Classifiers.of(System.getProperty("os.name"), System.getProperty("os.arch"), false);
        String detected = Classifiers.detect();
        assertTrue(detected.equals(expected) || detected.equals(expected + "-musl"), detected);
    }
}
