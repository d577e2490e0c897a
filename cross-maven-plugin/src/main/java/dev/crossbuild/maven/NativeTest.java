package dev.crossbuild.maven;

/**
 * A {@code <test>} of {@code <tests>}: a native test program, configured like an {@link Executable} ({@code name},
 * {@code sourceDirectories} (required), {@code includes}, {@code excludes}, {@code includeDirectories},
 * {@code defines}, {@code compilerArgs}, {@code linkerArgs}, {@code dependencies}). It sees the include folders of the
 * module's libraries and links the {@code <libraries>} it names, or every library of the module when it names none.
 * Exit code 0 passes, 77 skips, anything else fails.
 *
 * <pre>{@code
 * <tests>
 *   <test>
 *     <name>test_codec</name>
 *     <sourceDirectories><sourceDirectory>src/test/codec</sourceDirectory></sourceDirectories>
 *     <defines><define>TEST_DATA="src/test/data"</define></defines>
 *   </test>
 * </tests>
 * }</pre>
 */
public class NativeTest extends NativeTargetConfig {
}
