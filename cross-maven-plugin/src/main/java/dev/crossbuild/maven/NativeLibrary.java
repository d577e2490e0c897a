package dev.crossbuild.maven;

import dev.crossbuild.nativebuild.NativeTarget;

/**
 * A {@code <library>} of {@code <libraries>}: a shared ({@code libNAME.so}, {@code NAME.dll}, {@code libNAME.dylib})
 * or static ({@code libNAME.a}) library built for the host machine, or both from one set of objects.
 *
 * <pre>{@code
 * <library>
 *   <name>demo</name>
 *   <kind>shared</kind>                                   <!-- shared | static | both -->
 *   <version>1.3.1</version>                              <!-- libdemo.so.1.3.1, SONAME libdemo.so.1 -->
 *   <soversion>1</soversion>                              <!-- default: the version's first number -->
 *   <namePrefix>lib</namePrefix>                          <!-- replaces the system's prefix -->
 *   <nameSuffix>so</nameSuffix>                           <!-- replaces the system's suffix, no dot -->
 *   <sourceDirectories><sourceDirectory>src/main/c</sourceDirectory></sourceDirectories>
 *   <includes><include>**}{@code /*.c</include></includes>        <!-- default: every .c .cc .cpp .cxx -->
 *   <includeDirectories><includeDirectory>src/main/include</includeDirectory></includeDirectories>
 *   <defines><define>FOO=1</define></defines>
 *   <compilerArgs><arg>-O2</arg></compilerArgs>
 *   <linkerArgs><arg>-lm</arg></linkerArgs>
 *   <dependencies><dependency>zlib</dependency></dependencies>   <!-- pkg-config packages of the host machine -->
 *   <libraries><library>other</library></libraries>              <!-- project libraries to link -->
 *   <jni>true</jni>
 *   <generators><generator>...</generator></generators>           <!-- see Generator -->
 * </library>
 * }</pre>
 *
 * <p>Not named {@code Library}: Maven's configurator turns a list element {@code <library>} into an instance of the
 * class {@code Library} of the enclosing object's package when one exists, which broke the list of names
 * {@code <libraries><library>demo</library></libraries>} of an executable or library ("Cannot find default setter
 * in class dev.crossbuild.maven.Library").
 */
public class NativeLibrary extends NativeTargetConfig {

    /**
     * {@code shared} (default), {@code static}, or {@code both}: the shared and the static library from one set of
     * position-independent objects, each source compiled once (Meson's {@code both_libraries}); targets linking it
     * link the shared one.
     */
    String kind = "shared";

    /** Adds the JNI include folders (jni.h, the host OS's jni_md.h, headers generated from the module's classes). */
    boolean jni;

    /**
     * A shared library's version, {@code X}, {@code X.Y} or {@code X.Y.Z} (Meson's {@code version}): Linux
     * {@code libz.so.1.3.1} with the links {@code libz.so.1} and {@code libz.so}; ignored for a static library.
     */
    String version;

    /**
     * A shared library's ABI version (Meson's {@code soversion}; default: the version's first number): the SONAME
     * {@code libz.so.1}, {@code z-1.dll} on Windows, {@code libz.1.dylib} on darwin.
     */
    String soversion;

    /**
     * Replaces the system's file name prefix ({@code lib}; none for a DLL), as Meson's {@code name_prefix};
     * {@code ''} for none ({@code lpeg.so}): Maven reads an empty element as absent.
     */
    String namePrefix;

    /** Replaces the system's file name suffix ({@code so}, {@code dll}, {@code a}), without the dot, as Meson's {@code name_suffix}. */
    String nameSuffix;

    @Override
    NativeTarget.Builder naming(NativeTarget.Builder builder) {
        return builder.version(given(version)).soversion(given(soversion)).namePrefix(prefix(namePrefix))
                .nameSuffix(given(nameSuffix));
    }
}
