package dev.crossbuild.maven;

/**
 * An {@code <executable>} of {@code <executables>}: a program for the host machine ({@code NAME}, {@code NAME.exe})
 * with the same settings as a {@link NativeLibrary} ({@code sourceDirectories}, {@code includeDirectories}, {@code defines},
 * {@code compilerArgs}, {@code linkerArgs}, {@code dependencies}, {@code libraries}). On ELF systems an executable
 * that links project shared libraries finds them through the run path {@code $ORIGIN/../lib}; on Windows the DLL must
 * sit next to the executable or on PATH.
 */
public class Executable extends NativeTargetConfig {
}
