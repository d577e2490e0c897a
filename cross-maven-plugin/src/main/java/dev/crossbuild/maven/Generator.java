package dev.crossbuild.maven;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A {@code <generator>} of a library or executable: runs a build-machine {@code <executable>} of the module during the
 * compile goal, and compiles the sources it writes with the target.
 *
 * <pre>{@code
 * <generator>
 *   <tool>gen-table</tool>                                  <!-- an <executable> with <machine>build</machine> -->
 *   <args><arg>--out</arg><arg>@OUTPUT_DIR@/table.c</arg></args>
 *   <outputs><output>table.c</output></outputs>             <!-- every file it writes, relative to the folder -->
 *   <inputs><input>src/data/table.txt</input></inputs>      <!-- optional: files whose change reruns it -->
 *   <outputDirectory>...</outputDirectory>                  <!-- default target/cross/<classifier>/generated/<target> -->
 *   <timeout>300</timeout>                                  <!-- seconds -->
 * </generator>
 * }</pre>
 */
public class Generator {

    /** The name of the build-machine executable to run. */
    String tool;

    /** Its arguments (empty ones are dropped); placeholders: @OUTPUT_DIR@, @OUTPUT@, @OUTPUT0@ ..., @INPUT@, @INPUT0@ ..., @CURRENT_SOURCE_DIR@. */
    List<String> args = List.of();

    /** The files it writes, relative to the output folder. */
    List<String> outputs = List.of();

    /** Files it reads, relative to the module: a change runs it again. */
    List<File> inputs = List.of();

    /** Where its outputs go; default {@code target/cross/<classifier>/generated/<target>/}. */
    File outputDirectory;

    /** Seconds it may run before it is stopped (default 300). */
    Integer timeout;

    dev.crossbuild.nativebuild.Generator toGenerator(Path basedir) {
        Duration limit = timeout == null ? dev.crossbuild.nativebuild.Generator.DEFAULT_TIMEOUT : Duration.ofSeconds(timeout);
        return new dev.crossbuild.nativebuild.Generator(tool == null ? "" : tool, NativeTargetConfig.arguments(args),
                NativeTargetConfig.names(outputs),
                NativeTargetConfig.files(inputs).stream().map(f -> NativeTargetConfig.resolve(basedir, f)).toList(),
                Optional.ofNullable(outputDirectory).map(f -> NativeTargetConfig.resolve(basedir, f)), limit);
    }
}
