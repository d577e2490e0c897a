package dev.crossbuild.nativebuild;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code <generator>} of a target (Meson's {@code custom_target} with a {@code native: true} program): run the
 * build-machine executable {@code tool} of the module with {@code args}, which must write {@code outputs} (names
 * relative to the output folder); the output folder then joins the target's source and include folders. The tool is
 * run again only when it was relinked, its arguments changed, one of the {@code inputs} changed, or an output is
 * missing. {@code outputDirectory} empty: {@code target/cross/<classifier>/generated/<target>/}.
 *
 * <p>Arguments may hold placeholders, replaced inside each argv element (never through a shell):
 * {@code @OUTPUT_DIR@} (also Meson's {@code @OUTDIR@}), {@code @OUTPUT0@}, {@code @OUTPUT1@} ..., {@code @OUTPUT@}
 * (every output as its own argument when it is the whole argument, else only with a single output), the same for
 * {@code @INPUT@} / {@code @INPUT0@}, and {@code @CURRENT_SOURCE_DIR@} (the module). See {@link GeneratorPlanner}.
 */
public record Generator(String tool, List<String> args, List<String> outputs, List<Path> inputs,
                        Optional<Path> outputDirectory, Duration timeout) {

    /** How long a generator may run unless it says otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    public Generator {
        Objects.requireNonNull(tool, "tool");
        if (tool.isBlank()) {
            throw new IllegalArgumentException("a <generator> needs a <tool>: the name of an <executable> with "
                    + "<machine>build</machine>");
        }
        tool = tool.trim();
        args = List.copyOf(args);
        outputs = List.copyOf(outputs);
        if (outputs.isEmpty()) {
            throw new IllegalArgumentException("the <generator> running '" + tool + "' declares no <outputs>; name "
                    + "each file it writes, e.g. <outputs><output>table.c</output></outputs>");
        }
        Set<String> seen = new HashSet<>();
        for (String output : outputs) {
            checkOutput(tool, output);
            if (!seen.add(Path.of(output).normalize().toString())) {
                throw new IllegalArgumentException("the <generator> running '" + tool + "' declares the output '"
                        + output + "' twice");
            }
        }
        inputs = List.copyOf(inputs);
        for (Path input : inputs) {
            if (!input.isAbsolute()) {
                throw new IllegalArgumentException("generator input must be absolute: " + input);
            }
        }
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        outputDirectory.ifPresent(directory -> {
            if (!directory.isAbsolute()) {
                throw new IllegalArgumentException("generator output folder must be absolute: " + directory);
            }
        });
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the <generator> running '" + tool + "' has a timeout of "
                    + timeout.toSeconds() + " s; give a positive number of seconds");
        }
    }

    /** A generator with no inputs, the default output folder and the default timeout. */
    public static Generator of(String tool, List<String> args, List<String> outputs) {
        return new Generator(tool, args, outputs, List.of(), Optional.empty(), DEFAULT_TIMEOUT);
    }

    /** Outputs are plain relative names inside the output folder: no absolute path, no {@code ..}, no placeholder. */
    private static void checkOutput(String tool, String output) {
        String problem = null;
        if (output == null || output.isBlank()) {
            problem = "an empty <output>";
        } else if (output.contains("@")) {
            problem = "the <output> '" + output + "' (outputs are file names, placeholders belong in <args>)";
        } else {
            Path path = Path.of(output);
            if (path.isAbsolute() || output.startsWith("/") || output.startsWith("\\")) {
                problem = "the absolute <output> '" + output + "'";
            } else if (path.normalize().startsWith("..") || path.normalize().toString().isEmpty()) {
                problem = "the <output> '" + output + "', which is outside the output folder";
            }
        }
        if (problem != null) {
            throw new IllegalArgumentException("the <generator> running '" + tool + "' declares " + problem
                    + "; name a file relative to the output folder (<outputDirectory>), e.g. table.c");
        }
    }
}
