package dev.crossbuild.maven;

import dev.crossbuild.nativebuild.NativeTarget;

/**
 * An {@code <executable>} of {@code <executables>}: a program for the host machine ({@code NAME}, {@code NAME.exe})
 * with the same settings as a {@link NativeLibrary} ({@code sourceDirectories}, {@code includeDirectories},
 * {@code defines}, {@code compilerArgs}, {@code linkerArgs}, {@code dependencies}, {@code libraries},
 * {@code generators}). On ELF systems an executable that links project shared libraries finds them through the run
 * path {@code $ORIGIN/../lib}; on Windows the DLL must sit next to the executable or on PATH.
 *
 * <p>With {@code <machine>build</machine>} it is a tool for the build itself: compiled and linked with the build
 * machine's toolchain into {@code target/cross/<classifier>/build-machine/bin/} by the compile goal, before the host
 * sources, so that the {@code <generators>} of the host targets can run it. It is neither stripped nor attached.
 *
 * <pre>{@code
 * <executable>
 *   <name>gen-table</name>
 *   <machine>build</machine>
 *   <sourceDirectories><sourceDirectory>src/build/c</sourceDirectory></sourceDirectories>
 * </executable>
 * }</pre>
 */
public class Executable extends NativeTargetConfig {

    /** Put before the name of the program file, as Meson's {@code name_prefix} (default: nothing; {@code ''}: nothing). */
    String namePrefix;

    /** Replaces the system's suffix ({@code exe} on Windows, none elsewhere), without the dot, as Meson's {@code name_suffix}. */
    String nameSuffix;

    @Override
    NativeTarget.Builder naming(NativeTarget.Builder builder) {
        return builder.namePrefix(prefix(namePrefix)).nameSuffix(given(nameSuffix));
    }
}
