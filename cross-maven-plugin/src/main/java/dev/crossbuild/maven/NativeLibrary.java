package dev.crossbuild.maven;


/**
 * A {@code <library>} of {@code <libraries>}: a shared ({@code libNAME.so}, {@code NAME.dll}, {@code libNAME.dylib})
 * or static ({@code libNAME.a}) library built for the host machine.
 *
 * <pre>{@code
 * <library>
 *   <name>demo</name>
 *   <kind>shared</kind>                                   <!-- shared | static -->
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

    /** {@code shared} (default) or {@code static}. */
    String kind = "shared";

    /** Adds the JNI include folders (jni.h, the host OS's jni_md.h, headers generated from the module's classes). */
    boolean jni;
}
