package dev.crossbuild.setup;

import dev.crossbuild.crossfile.CrossEnvironment;
import dev.crossbuild.crossfile.CrossProperties;
import dev.crossbuild.crossfile.MachineConfig;
import dev.crossbuild.exec.HostEnvironment;
import dev.crossbuild.sysroot.Sysroot;
import dev.crossbuild.sysroot.SysrootCache;
import dev.crossbuild.sysroot.SysrootException;
import dev.crossbuild.sysroot.SysrootRequest;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A private sysroot wired into the build as one more machine-file layer, written after the cross files (the native
 * files in a native build), so that everything downstream (doctor, checks, compile, link, pkg-config, tests, the
 * report) sees it as Meson would see the same file, and a Meson user can layer the written {@code sysroot.ini} too:
 * <ul>
 * <li>{@code [properties] sys_root}: the sysroot; Meson (and cross's pkg-config) export it as
 * {@code PKG_CONFIG_SYSROOT_DIR}, so the {@code -I/usr/include} and {@code -L/usr/lib/...} of its {@code .pc} files
 * resolve inside it;</li>
 * <li>{@code pkg_config_libdir}: the sysroot's {@code pkgconfig} folders only (the build machine's multiarch folders
 * of the presets would get the sysroot prefixed too);</li>
 * <li>{@code <lang>_args}: the earlier layers' values, then {@code -isystem} for its include folders (searched before
 * the toolchain's own system headers, after the project's {@code -I}); {@code <lang>_link_args}: then {@code -L} and
 * {@code -Wl,-rpath-link} for its library folders, and {@code -B} for its start files when it carries its own C
 * library (musl-dev). No {@code --sysroot}: the Debian cross gcc would then look for its own libc in the sysroot, and
 * clang's libc.so linker script would get the prefix added (both fail);</li>
 * <li>{@code [binaries] exe_wrapper}: a qemu-user wrapper with {@code -L <sysroot>} when the sysroot carries the
 * dynamic loader (musl's {@code ld-musl-aarch64.so.1}); otherwise the wrapper stays and the test goal adds the
 * sysroot's library folders to the emulated program's {@code LD_LIBRARY_PATH}.</li>
 * </ul>
 * A cross file that sets {@code sys_root} itself is refused: it would be replaced.
 */
final class SysrootLayer {

    static final String FILE_NAME = "sysroot.ini";

    private static final List<String> LANGUAGES = List.of("c", "cpp");

    private SysrootLayer() {
    }

    /**
     * The request for the host machine of {@code loaded}: the settings' packages and the cross file's
     * {@code sysroot_packages}, with its {@code sysroot_sources} and {@code libc}; empty when no package is named.
     */
    static Optional<SysrootRequest> request(CrossEnvironment loaded, SysrootSettings settings,
                                            HostEnvironment environment) throws SysrootException {
        MachineConfig host = loaded.host();
        Set<String> packages = new LinkedHashSet<>();
        settings.packages().stream().map(String::strip).filter(p -> !p.isEmpty()).forEach(packages::add);
        packages.addAll(CrossProperties.strings(host.properties(), CrossProperties.SYSROOT_PACKAGES));
        if (packages.isEmpty()) {
            return Optional.empty();
        }
        if (host.properties().containsKey("sys_root")) {
            throw new SysrootException("the cross files set [properties] sys_root ("
                    + Introspection.value(host.properties().get("sys_root")) + ") and sysroot packages are named ("
                    + String.join(", ", packages) + "), which make a sys_root of their own", String.join(", ", packages),
                    "remove sys_root from the cross file, or the sysroot packages (cross.sysrootPackages, "
                            + "[properties] sysroot_packages)");
        }
        return Optional.of(new SysrootRequest(loaded.machines().host(), loaded.hostMusl(), List.copyOf(packages),
                CrossProperties.strings(host.properties(), CrossProperties.SYSROOT_SOURCES),
                settings.cache().orElseGet(() -> SysrootCache.defaultFolder(environment)), settings.offline(),
                settings.refresh(), settings.lockTimeout()));
    }

    /** The layer's text for {@code sysroot} on top of {@code loaded}. */
    static String text(CrossEnvironment loaded, Sysroot sysroot) throws SysrootException {
        MachineConfig host = loaded.host();
        StringBuilder text = new StringBuilder();
        text.append("# Written by cross (dev.crossbuild) for the private sysroot of ")
                .append(String.join(", ", sysroot.requested())).append(" (").append(sysroot.architecture())
                .append("):\n#   ").append(sysroot.packages().stream().map(Object::toString)
                        .collect(Collectors.joining("\n#   ")))
                .append("\n# Meson reads it as one more cross file after the others:\n"
                        + "#   meson setup --cross-file <your cross files> --cross-file <this file> builddir\n\n");
        text.append("[properties]\n");
        text.append("sys_root = ").append(literal(sysroot.root().toString())).append('\n');
        text.append("pkg_config_libdir = ").append(array(strings(sysroot.pkgConfigDirectories()))).append("\n\n");
        List<String> compile = new ArrayList<>();
        for (Path folder : sysroot.includeDirectories()) {
            compile.add("-isystem");
            compile.add(folder.toString());
        }
        List<String> link = new ArrayList<>();
        sysroot.startFileDirectory().ifPresent(folder -> link.add("-B" + folder));
        List<Path> libraries = sysroot.libraryDirectories();
        libraries.forEach(folder -> link.add("-L" + folder));
        if (!libraries.isEmpty()) {
            link.add("-Wl,-rpath-link," + String.join(":", strings(libraries)));
        }
        text.append("[built-in options]\n");
        for (String language : LANGUAGES) {
            text.append(language).append("_args = ")
                    .append(array(concat(option(host, language + "_args"), compile))).append('\n');
            text.append(language).append("_link_args = ")
                    .append(array(concat(option(host, language + "_link_args"), link))).append('\n');
        }
        Optional<List<String>> wrapper = host.binaries().exeWrapper();
        Optional<Path> loader = sysroot.dynamicLoader(); // looked up in the sysroot's folders: once
        if (loader.isPresent() && wrapper.isPresent() && QemuPrefix.isQemu(wrapper.get())) {
            text.append("\n[binaries]\n# The sysroot carries the dynamic loader: qemu-user takes it (and the C library) "
                    + "from here.\nexe_wrapper = ").append(array(new QemuPrefix(sysroot.root(),
                    loader.get().toString()).applyTo(wrapper.get()))).append('\n');
        }
        return text.toString();
    }

    private static List<String> option(MachineConfig host, String key) {
        return ToolchainStep.strings(host.builtInOptions().get(key));
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static List<String> strings(List<Path> paths) {
        return paths.stream().map(Path::toString).toList();
    }

    private static String array(List<String> values) throws SysrootException {
        List<String> literals = new ArrayList<>();
        for (String value : values) {
            literals.add(literal(value));
        }
        return "[" + String.join(", ", literals) + "]";
    }

    /**
     * A machine-file string: {@code 'value'}, or {@code '''value'''} when it holds a single quote (machine files have
     * no escape sequences).
     */
    static String literal(String value) throws SysrootException {
        if (value.indexOf('\n') < 0 && value.indexOf('\'') < 0) {
            return "'" + value + "'";
        }
        if (value.indexOf('\\') < 0 && !value.contains("'''") && !value.endsWith("'")) {
            return "'''" + value + "'''";
        }
        throw new SysrootException("'" + value + "' cannot be written in a machine file (it holds a quote together "
                + "with a backslash or a line break)", value, "use a cache folder (cross.sysrootCache) and arguments "
                + "without such characters");
    }
}
