package dev.crossbuild.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class QemuPrefixTest {

    private static final String LOADER = "/lib/ld-linux-aarch64.so.1";
    private static final Optional<String> MULTIARCH = Optional.of("aarch64-linux-gnu");

    private static Optional<QemuPrefix> find(String home, String... existing) {
        Set<Path> files = Set.of(existing).stream().map(Path::of).collect(Collectors.toSet());
        return QemuPrefix.find(Path.of(home), LOADER, MULTIARCH, files::contains);
    }

    @Test
    void thePrivatePrefixAroundTheJreHoldsLoaderAndLibc() {
        Optional<QemuPrefix> prefix = find("/opt/cross/jre-arm64/usr/lib/jvm/java-17-openjdk-arm64",
                "/opt/cross/jre-arm64/lib/ld-linux-aarch64.so.1", "/opt/cross/jre-arm64/lib/aarch64-linux-gnu/libc.so.6");

        assertEquals(Optional.of(new QemuPrefix(Path.of("/opt/cross/jre-arm64"), LOADER)), prefix);
    }

    @Test
    void multiarchLibcOnTheBuildMachineMakesTheRootThePrefix() {
        Optional<QemuPrefix> prefix = find("/home/dev/jre-arm64",
                "/lib/ld-linux-aarch64.so.1", "/lib/aarch64-linux-gnu/libc.so.6");

        assertEquals(Optional.of(Path.of("/")), prefix.map(QemuPrefix::directory));
    }

    @Test
    void theNearestFolderWinsOverMultiarchRoot() {
        Optional<QemuPrefix> prefix = find("/opt/cross/jre-arm64/usr/lib/jvm/java-17-openjdk-arm64",
                "/opt/cross/jre-arm64/lib/ld-linux-aarch64.so.1", "/opt/cross/jre-arm64/lib/aarch64-linux-gnu/libc.so.6",
                "/lib/ld-linux-aarch64.so.1", "/lib/aarch64-linux-gnu/libc.so.6");

        assertEquals(Optional.of(Path.of("/opt/cross/jre-arm64")), prefix.map(QemuPrefix::directory));
    }

    @Test
    void aLoaderWithoutLibcBesideItIsTheGlibcTrapAndIsSkipped() {
        // A loader alone would make qemu take libc.so.6 from another glibc build through its fallback.
        Optional<QemuPrefix> prefix = find("/opt/jre/usr/lib/jvm/j", "/opt/jre/lib/ld-linux-aarch64.so.1",
                "/lib/ld-linux-aarch64.so.1", "/usr/lib/aarch64-linux-gnu/libc.so.6");

        assertEquals(Optional.of(Path.of("/")), prefix.map(QemuPrefix::directory));
    }

    @Test
    void theCrossSysrootLayoutWithLibcBesideTheLoaderQualifies() {
        // /usr/aarch64-linux-gnu/lib/{ld-linux-aarch64.so.1,libc.so.6}: Debian's libc6-arm64-cross
        Optional<QemuPrefix> prefix = find("/usr/aarch64-linux-gnu/jre",
                "/usr/aarch64-linux-gnu/lib/ld-linux-aarch64.so.1", "/usr/aarch64-linux-gnu/lib/libc.so.6");

        assertEquals(Optional.of(Path.of("/usr/aarch64-linux-gnu")), prefix.map(QemuPrefix::directory));
    }

    @Test
    void noFolderWithLoaderAndLibcMeansNoPrefix() {
        assertEquals(Optional.empty(), find("/home/dev/jre", "/home/dev/jre/bin/java"));
    }

    @Test
    void aMuslLoaderIsItsOwnLibc() {
        Optional<QemuPrefix> prefix = QemuPrefix.find(Path.of("/alpine/usr/lib/jvm/j"), "/lib/ld-musl-aarch64.so.1",
                MULTIARCH, Set.of(Path.of("/alpine/lib/ld-musl-aarch64.so.1"))::contains);

        assertEquals(Optional.of(Path.of("/alpine")), prefix.map(QemuPrefix::directory));
    }

    @Test
    void anExistingDashLValueIsReplacedAndOtherOptionsKept() {
        QemuPrefix prefix = new QemuPrefix(Path.of("/opt/cross/jre-arm64"), LOADER);

        assertEquals(List.of("qemu-aarch64", "-cpu", "max", "-L", "/opt/cross/jre-arm64"),
                prefix.applyTo(List.of("qemu-aarch64", "-cpu", "max", "-L", "/usr/aarch64-linux-gnu")));
    }

    @Test
    void aWrapperWithoutDashLGetsItRightAfterQemu() {
        QemuPrefix prefix = new QemuPrefix(Path.of("/"), LOADER);

        assertEquals(List.of("/usr/bin/qemu-aarch64-static", "-L", "/", "-cpu", "max"),
                prefix.applyTo(List.of("/usr/bin/qemu-aarch64-static", "-cpu", "max")));
    }

    @Test
    void onlyQemuUserWrappersAreRecognised() {
        assertTrue(QemuPrefix.isQemu(List.of("qemu-aarch64", "-L", "/")));
        assertTrue(QemuPrefix.isQemu(List.of("/usr/bin/qemu-riscv64")));
        assertFalse(QemuPrefix.isQemu(List.of("wine")));
        assertFalse(QemuPrefix.isQemu(List.of("env", "QEMU_LD_PREFIX=/", "qemu-aarch64")));
        assertFalse(QemuPrefix.isQemu(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new QemuPrefix(Path.of("/"), LOADER).applyTo(List.of("wine")));
    }

    @Test
    void currentPrefixReadsTheWrappersDashL() {
        assertEquals(Optional.of("/usr/aarch64-linux-gnu"), QemuPrefix.currentPrefix(List.of("qemu-aarch64", "-L", "/usr/aarch64-linux-gnu")));
        assertEquals(Optional.empty(), QemuPrefix.currentPrefix(List.of("qemu-aarch64")));
        assertEquals(Optional.empty(), QemuPrefix.currentPrefix(List.of("qemu-aarch64", "-L")));
    }
}
