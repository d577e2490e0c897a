package dev.crossbuild.nativebuild;

import dev.crossbuild.toolchain.CompilerId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One generator run, planned: the target it feeds, the build-machine executable it runs ({@code program}, an
 * absolute path), the argv with every placeholder replaced, the folder the tool writes into ({@code workDirectory},
 * private to this run: what {@code @OUTPUT_DIR@} names), the declared outputs there and where each is moved once the
 * tool succeeded ({@code outputs}, in {@code outputDirectory}), the inputs whose change reruns it, where it runs
 * (the module) and how long it may take.
 */
public record GeneratorStep(NativeTarget target, int index, NativeTarget tool, Path program, List<String> argv,
                            Path outputDirectory, List<Path> outputs, Path workDirectory, List<Path> workOutputs,
                            List<Path> inputs, Path workingDirectory, Duration timeout) {

    /** Stands in for a compiler identity in the fingerprint: a generator's identity is its program and argv. */
    private static final CompilerId GENERATOR = new CompilerId("generator", "1", "", Optional.empty());

    public GeneratorStep {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(program, "program");
        argv = List.copyOf(argv);
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        outputs = List.copyOf(outputs);
        Objects.requireNonNull(workDirectory, "workDirectory");
        workOutputs = List.copyOf(workOutputs);
        if (workOutputs.size() != outputs.size()) {
            throw new IllegalArgumentException("one work output per output: " + workOutputs + " / " + outputs);
        }
        inputs = List.copyOf(inputs);
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * What the outputs are recorded with: the argv (the program's path and every argument), the outputs and where
     * they go, and the working directory. The program's and inputs' contents are tracked as recorded inputs.
     */
    public Fingerprint fingerprint() {
        List<Object> more = new ArrayList<>();
        more.add("outputs:" + outputs.size());
        outputs.forEach(output -> more.add(output.toString()));
        more.add("cwd:" + workingDirectory);
        return Fingerprints.of(argv, more, GENERATOR, List.of());
    }

    /** The files whose change reruns the generator: the tool's program, then the declared inputs. */
    public List<Path> recordedInputs() {
        List<Path> recorded = new ArrayList<>();
        recorded.add(program);
        recorded.addAll(inputs);
        return recorded;
    }

    /** {@code <generator> 1 of library 'demo' (gen-table)}: how messages name this run. */
    public String describe() {
        return "the <generator> running '" + tool.name() + "' for " + SourceSetException.describe(target);
    }
}
