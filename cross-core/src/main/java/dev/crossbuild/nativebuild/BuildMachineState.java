package dev.crossbuild.nativebuild;

import dev.crossbuild.crossfile.BuiltInOptions;
import dev.crossbuild.toolchain.Toolchain;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What setup recorded about the build machine for the module's build-machine tools ({@code <machine>build</machine>}):
 * its confirmed toolchain (the native files' {@code [binaries]}, else the build machine's {@code cc}), and the native
 * files' built-in options ({@code c_args}: Meson's {@code build.c_args} in a cross build), properties and binaries,
 * and the resolved options its tools are built with (the native files' {@code c_std}/{@code cpp_std}, the global ones
 * of the host).
 */
public record BuildMachineState(Toolchain toolchain, Map<String, Object> builtInOptions,
                                Map<String, Object> properties, Map<String, List<String>> binaries,
                                BuiltInOptions options) {

    public BuildMachineState {
        Objects.requireNonNull(toolchain, "toolchain");
        builtInOptions = Collections.unmodifiableMap(new LinkedHashMap<>(builtInOptions));
        properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        binaries = Collections.unmodifiableMap(new LinkedHashMap<>(binaries));
        Objects.requireNonNull(options, "options");
    }

    /** Built with the default options. */
    public BuildMachineState(Toolchain toolchain, Map<String, Object> builtInOptions, Map<String, Object> properties,
                             Map<String, List<String>> binaries) {
        this(toolchain, builtInOptions, properties, binaries, BuiltInOptions.defaults());
    }
}
