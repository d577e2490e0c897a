package dev.crossbuild.setup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbuild.crossfile.CrossEnvironment;
import dev.crossbuild.crossfile.CrossFileException;
import dev.crossbuild.crossfile.MachineFileContext;
import dev.crossbuild.crossfile.MachineFileSource;
import dev.crossbuild.crossfile.Value;
import dev.crossbuild.exec.HostEnvironment;
import dev.crossbuild.machine.Endian;
import dev.crossbuild.machine.Machine;
import dev.crossbuild.sysroot.Sysroot;
import dev.crossbuild.sysroot.SysrootException;
import dev.crossbuild.sysroot.SysrootPackage;
import dev.crossbuild.sysroot.SysrootRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A private sysroot as one more machine-file layer: what it sets, and that it reads back as Meson would read it. */
class SysrootLayerTest {

    private static final Machine BUILD = new Machine("linux", "x86_64", "x86_64", Endian.LITTLE,
            Optional.of("linux"), Optional.of("linux"));
    private static final String ARM64 = """
            [binaries]
            c = 'aarch64-linux-gnu-gcc'
            exe_wrapper = ['qemu-aarch64', '-L', '/usr/aarch64-linux-gnu']
            [built-in options]
            c_args = ['-O2', '''-DNAME="it's"''']
            [properties]
            pkg_config_libdir = ['/usr/lib/aarch64-linux-gnu/pkgconfig']
            sysroot_packages = 'zlib1g-dev'
            [host_machine]
            system = 'linux'
            cpu_family = 'aarch64'
            cpu = 'aarch64'
            endian = 'little'
            """;

    @TempDir
    Path tmp;

    private static CrossEnvironment load(String... files) throws CrossFileException {
        List<MachineFileSource> sources = new ArrayList<>();
        for (int i = 0; i < files.length; i++) {
            sources.add(MachineFileSource.of("f" + i + ".ini", files[i].getBytes(StandardCharsets.UTF_8)));
        }
        return CrossEnvironment.load(sources, List.of(), BUILD, MachineFileContext.none());
    }

    private Sysroot sysroot(String multiarch, String... folders) throws IOException {
        Path root = tmp.resolve("arm64-0123456789abcdef");
        for (String folder : folders) {
            Files.createDirectories(root.resolve(folder));
        }
        return new Sysroot(root, "arm64", List.of(multiarch), List.of("zlib1g-dev"),
                List.of(new SysrootPackage("zlib1g-dev", "1:1.2.13", "arm64", "ab")), "arm64-0123456789abcdef");
    }

    @Test
    void setsSysRootPkgConfigAndTheToolFlagsAfterTheEarlierLayersValues() throws Exception {
        CrossEnvironment loaded = load(ARM64);
        Sysroot sysroot = sysroot("aarch64-linux-gnu", "usr/include", "usr/lib/aarch64-linux-gnu/pkgconfig",
                "lib/aarch64-linux-gnu");
        Path root = sysroot.root();

        String text = SysrootLayer.text(loaded, sysroot);
        CrossEnvironment layered = load(ARM64, text);

        Map<String, Value> properties = layered.host().properties();
        assertEquals(new Value.Str(root.toString()), properties.get("sys_root"));
        assertEquals(new Value.Array(List.of(new Value.Str(root + "/usr/lib/aarch64-linux-gnu/pkgconfig"))),
                properties.get("pkg_config_libdir"));
        assertEquals(List.of("-O2", "-DNAME=\"it's\"", "-isystem", root + "/usr/include"),
                ToolchainStep.strings(layered.host().builtInOptions().get("c_args")));
        String lib = root + "/usr/lib/aarch64-linux-gnu";
        String lib2 = root + "/lib/aarch64-linux-gnu";
        assertEquals(List.of("-L" + lib, "-L" + lib2, "-Wl,-rpath-link," + lib + ":" + lib2),
                ToolchainStep.strings(layered.host().builtInOptions().get("c_link_args")));
        assertEquals(ToolchainStep.strings(layered.host().builtInOptions().get("c_link_args")),
                ToolchainStep.strings(layered.host().builtInOptions().get("cpp_link_args")));
        assertEquals(Optional.of(List.of("qemu-aarch64", "-L", "/usr/aarch64-linux-gnu")),
                layered.host().binaries().exeWrapper(), "glibc stays the toolchain's: the wrapper is unchanged");
        assertTrue(text.startsWith("# Written by cross (dev.crossbuild) for the private sysroot of zlib1g-dev (arm64):\n"
                + "#   zlib1g-dev 1:1.2.13\n"), text);
        assertEquals(List.of(), layered.warnings());
    }

    @Test
    void aSysrootWithItsOwnCLibraryGivesStartFilesAndTheQemuPrefix() throws Exception {
        String musl = ARM64.replace("c_args = ['-O2', '''-DNAME=\"it's\"''']", "c_args = ['-nostdlibinc']")
                .replace("exe_wrapper = ['qemu-aarch64', '-L', '/usr/aarch64-linux-gnu']", "exe_wrapper = ['qemu-aarch64']");
        CrossEnvironment loaded = load(musl);
        Sysroot sysroot = sysroot("aarch64-linux-musl", "usr/include/aarch64-linux-musl", "usr/lib/aarch64-linux-musl",
                "lib/aarch64-linux-musl");
        Path root = sysroot.root();
        Files.writeString(root.resolve("usr/lib/aarch64-linux-musl/Scrt1.o"), "");
        Files.writeString(root.resolve("lib/aarch64-linux-musl/libc.so"), "");
        Files.createSymbolicLink(root.resolve("lib/ld-musl-aarch64.so.1"), Path.of("aarch64-linux-musl/libc.so"));

        CrossEnvironment layered = load(musl, SysrootLayer.text(loaded, sysroot));

        assertEquals(List.of("-nostdlibinc", "-isystem", root + "/usr/include/aarch64-linux-musl", "-isystem",
                root + "/usr/include"),
                ToolchainStep.strings(layered.host().builtInOptions().get("c_args")));
        assertEquals("-B" + root + "/usr/lib/aarch64-linux-musl",
                ToolchainStep.strings(layered.host().builtInOptions().get("c_link_args")).get(0));
        assertEquals(Optional.of(List.of("qemu-aarch64", "-L", root.toString())), layered.host().binaries().exeWrapper());
    }

    @Test
    void theRequestJoinsThePomsAndTheCrossFilesPackagesAndRefusesASysRootOfItsOwn() throws Exception {
        HostEnvironment environment = HostEnvironment.of(Map.of("XDG_CACHE_HOME", tmp.toString()), Map.of(), tmp);
        SysrootSettings settings = new SysrootSettings(List.of("libssl-dev", " "), Optional.empty(), true, false,
                Duration.ofSeconds(1), line -> { });

        SysrootRequest request = SysrootLayer.request(load(ARM64, "[properties]\nlibc = 'musl'\n"),
                settings, environment).orElseThrow();

        assertEquals(List.of("libssl-dev", "zlib1g-dev"), request.packages());
        assertEquals(tmp.resolve("cross/sysroots"), request.cache());
        assertTrue(request.offline());
        assertEquals(Optional.empty(), SysrootLayer.request(load(ARM64.replace("sysroot_packages = 'zlib1g-dev'\n", "")),
                SysrootSettings.defaults(), environment));
        SysrootException own = assertThrows(SysrootException.class, () -> SysrootLayer.request(
                load(ARM64, "[properties]\nsys_root = '/opt/rootfs'\n"), settings, environment));
        assertTrue(own.getMessage().startsWith("the cross files set [properties] sys_root (/opt/rootfs) and sysroot "
                + "packages are named (libssl-dev, zlib1g-dev)"), own.getMessage());
    }

    @Test
    void stringsWithQuotesUseTripleQuotesAndImpossibleOnesAreRefused() throws Exception {
        assertEquals("'/a b'", SysrootLayer.literal("/a b"));
        assertEquals("'''it's'''", SysrootLayer.literal("it's"));
        assertThrows(SysrootException.class, () -> SysrootLayer.literal("it's\\"));
    }
}
