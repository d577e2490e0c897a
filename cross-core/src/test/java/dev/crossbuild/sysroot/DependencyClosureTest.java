package dev.crossbuild.sysroot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dependency rule of private sysroots, against a small archive written in apt-cache's own words. */
class DependencyClosureTest {

    /** A fake archive: show stanzas and depends blocks per package; records which names were asked. */
    private static final class Archive implements DependencyClosure.Archive {
        private final Map<String, PackageRecord> records = new LinkedHashMap<>();
        private final Map<String, String> depends = new LinkedHashMap<>();
        private final List<List<String>> asked = new ArrayList<>();

        Archive add(String name, String architecture, String multiArch, String dependsBlock) {
            records.put(name, new PackageRecord(name, "1.0", architecture, multiArch, "sha-" + name));
            depends.put(name, name + "\n" + dependsBlock);
            return this;
        }

        @Override
        public Map<String, PackageRecord> show(Collection<String> names) {
            asked.add(List.copyOf(names));
            Map<String, PackageRecord> found = new LinkedHashMap<>();
            names.stream().filter(records::containsKey).forEach(n -> found.put(n, records.get(n)));
            return found;
        }

        @Override
        public Map<String, List<DependencyGroup>> depends(Collection<String> names) {
            StringBuilder text = new StringBuilder();
            names.stream().filter(depends::containsKey).forEach(n -> text.append(depends.get(n)));
            return DependencyGroup.parseDepends(text.toString());
        }
    }

    private static List<String> names(DependencyClosure.Result result) {
        return result.packages().stream().map(PackageRecord::name).toList();
    }

    @Test
    void zlibTakesItsLibraryAndLeavesTheCLibraryToTheToolchain() throws Exception {
        Archive archive = new Archive()
                .add("zlib1g-dev", "arm64", "same", "  Depends: zlib1g\n |Depends: libc6-dev\n  Depends: <libc-dev>\n"
                        + "    libc6-dev\n")
                .add("zlib1g", "arm64", "same", "  Depends: libc6\n")
                .add("libc6-dev", "arm64", "same", "  Depends: libc6\n")
                .add("libc6", "arm64", "same", "  Depends: libgcc-s1\n");

        DependencyClosure.Result result = DependencyClosure.resolve(List.of("zlib1g-dev"), archive);

        assertEquals(List.of("zlib1g-dev", "zlib1g"), names(result));
        assertEquals(Map.of("libc6-dev", DependencyClosure.TOOLCHAIN, "libc6", DependencyClosure.TOOLCHAIN),
                result.skipped());
    }

    @Test
    void programsAreTheBuildMachinesAndNotFollowed() throws Exception {
        // musl-dev:arm64 depends on gcc-aarch64-linux-gnu, a virtual package of the arm64 gcc (a program).
        Archive archive = new Archive()
                .add("musl-dev", "arm64", "same", "  Depends: musl\n  Depends: <gcc-aarch64-linux-gnu>\n    gcc\n")
                .add("musl", "arm64", "same", "")
                .add("gcc", "arm64", "", "  Depends: cpp\n  Depends: gcc-12\n")
                .add("libglib2.0-dev", "arm64", "same", "  Depends: libglib2.0-dev-bin\n  Depends: <pkg-config>\n"
                        + "    pkgconf\n  Depends: libglib2.0-data\n")
                .add("libglib2.0-dev-bin", "arm64", "foreign", "  Depends: <python3:any>\n    python3\n")
                .add("pkgconf", "arm64", "same", "  Depends: pkgconf-bin\n")
                .add("pkgconf-bin", "arm64", "foreign", "")
                .add("libglib2.0-data", "all", "foreign", "")
                .add("python3", "arm64", "allowed", "");

        DependencyClosure.Result result = DependencyClosure.resolve(List.of("musl-dev", "libglib2.0-dev"), archive);

        assertEquals(List.of("musl-dev", "libglib2.0-dev", "musl", "pkgconf", "libglib2.0-data"), names(result));
        assertEquals(DependencyClosure.PROGRAM, result.skipped().get("gcc"));
        assertEquals(DependencyClosure.PROGRAM, result.skipped().get("libglib2.0-dev-bin"));
        assertEquals(DependencyClosure.PROGRAM, result.skipped().get("pkgconf-bin"));
        assertTrue(archive.asked.stream().noneMatch(asked -> asked.contains("cpp")), "a program's dependencies are "
                + "not looked at: " + archive.asked);
    }

    @Test
    void anAlternativeAlreadyTakenSatisfiesTheGroupAndMissingNamesAreListed() throws Exception {
        Archive archive = new Archive()
                .add("liba-dev", "arm64", "same", "  Depends: liba1\n |Depends: libx\n  Depends: liba1\n"
                        + "  Depends: libgone\n")
                .add("liba1", "arm64", "same", "");

        DependencyClosure.Result result = DependencyClosure.resolve(List.of("liba-dev"), archive);

        assertEquals(List.of("liba-dev", "liba1"), names(result));
        assertEquals(Map.of("libgone", DependencyClosure.ABSENT), result.skipped());
    }

    @Test
    void unknownAndToolchainPackagesCannotBeAskedFor() {
        Archive archive = new Archive().add("zlib1g-dev", "arm64", "same", "");

        DependencyClosure.RequestException e = assertThrows(DependencyClosure.RequestException.class,
                () -> DependencyClosure.resolve(List.of("zlib1g-dev", "libzz-dev", "libc6-dev", "libstdc++-12-dev"),
                        archive));

        assertEquals(List.of("libzz-dev", "libc6-dev", "libstdc++-12-dev"), e.unknown());
        assertEquals(List.of("libc6-dev", "libstdc++-12-dev"), e.provided());
    }

    @Test
    void theToolchainsPackages() {
        for (String name : List.of("libc6", "libc6-dev", "libc-dev", "linux-libc-dev", "libcrypt-dev", "libgcc-s1",
                "libstdc++6", "gcc-12-base", "libgcc-12-dev", "libstdc++-12-dev", "libasan8", "libatomic1")) {
            assertTrue(ToolchainPackages.provides(name), name);
        }
        for (String name : List.of("zlib1g", "libssl3", "musl-dev", "libgcc-s1-dbg", "gcc")) {
            assertEquals(false, ToolchainPackages.provides(name), name);
        }
    }
}
