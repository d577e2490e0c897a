package dev.crossbuild.sysroot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crossbuild.sysroot.DependencyGroup.Alternative;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** apt-cache's output as Debian 12's apt 2.6 prints it, read back. */
class DependencyGroupTest {

    @Test
    void readsAlternativesVirtualPackagesAndAnyQualifiers() {
        String output = """
                zlib1g-dev
                  Depends: zlib1g
                 |Depends: libc6-dev
                  Depends: <libc-dev>
                    libc6-dev
                libglib2.0-dev-bin
                  Depends: python3-distutils
                  Depends: <python3:any>
                    python3
                  PreDepends: libc6
                zlib1g
                <libc-dev>
                """;

        Map<String, List<DependencyGroup>> depends = DependencyGroup.parseDepends(output);

        assertEquals(List.of(
                new DependencyGroup(List.of(new Alternative("zlib1g", false, List.of(), false))),
                new DependencyGroup(List.of(new Alternative("libc6-dev", false, List.of(), false),
                        new Alternative("libc-dev", true, List.of("libc6-dev"), false)))),
                depends.get("zlib1g-dev"));
        assertEquals(List.of(
                new DependencyGroup(List.of(new Alternative("python3-distutils", false, List.of(), false))),
                new DependencyGroup(List.of(new Alternative("python3", true, List.of("python3"), true))),
                new DependencyGroup(List.of(new Alternative("libc6", false, List.of(), false)))),
                depends.get("libglib2.0-dev-bin"));
        assertEquals(List.of(), depends.get("zlib1g"));
        assertEquals(3, depends.size(), "a virtual package's own block is no package");
    }

    @Test
    void readsTheCandidateStanzasOfApiCacheShow() {
        String output = """
                Package: zlib1g
                Version: 1:1.2.13.dfsg-1+deb12u1
                Architecture: arm64
                Multi-Arch: same
                Depends: libc6 (>= 2.17)
                Description: compression library - runtime
                 zlib is a library implementing the deflate compression method found
                 in gzip and PKZIP.
                SHA256: 61477d8059daf1765683a73099cc17941e1970acb520fd238646dedf99eb16f6

                Package: gcc
                Version: 4:12.2.0-3
                Architecture: arm64
                SHA256: ab

                """;

        Map<String, PackageRecord> records = PackageRecord.parseShow(output);

        assertEquals(new PackageRecord("zlib1g", "1:1.2.13.dfsg-1+deb12u1", "arm64", "same",
                "61477d8059daf1765683a73099cc17941e1970acb520fd238646dedf99eb16f6"), records.get("zlib1g"));
        assertEquals(new PackageRecord("gcc", "4:12.2.0-3", "arm64", "", "ab"), records.get("gcc"));
        assertEquals("zlib1g=1:1.2.13.dfsg-1+deb12u1", records.get("zlib1g").pinned());
    }
}
