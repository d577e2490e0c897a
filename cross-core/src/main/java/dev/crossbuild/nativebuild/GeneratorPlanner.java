package dev.crossbuild.nativebuild;

import dev.crossbuild.machine.Machine;
import dev.crossbuild.machine.MachineRole;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plans the {@code <generator>}s of a module without running or reading anything: which build-machine executable
 * each runs, its argv with the placeholders replaced, and where its outputs go. Also tells every goal which folders
 * the generators add to the targets' sources, so compile and link see the same sources.
 *
 * <p>Placeholders, replaced inside each argument (a value never passes through a shell): {@code @OUTPUT_DIR@} and
 * Meson's {@code @OUTDIR@} (the folder the tool writes into), {@code @OUTPUT0@}, {@code @OUTPUT1@} ... (one output
 * there), {@code @OUTPUT@} (an argument that is exactly {@code @OUTPUT@} becomes one argument per output; inside a
 * longer argument it needs a single output), {@code @INPUT@} and {@code @INPUT0@} ... the same way for the inputs,
 * and {@code @CURRENT_SOURCE_DIR@} (the module's folder, where the tool runs). Any other {@code @NAME@} is an error:
 * it is a typo far more often than a literal.
 *
 * <p>The tool writes into a folder of its own ({@code generated/.tmp/<target>-<n>/}); its declared outputs are moved
 * into the output folder once it succeeded, so an interrupted or failed run never leaves a half-written source that
 * a later build would compile.
 */
public final class GeneratorPlanner {

    private static final Pattern PLACEHOLDER = Pattern.compile("@([A-Z][A-Z0-9_]*)@");
    private static final Pattern INDEXED = Pattern.compile("(OUTPUT|INPUT)([0-9]+)");
    private static final String KNOWN = "@OUTPUT_DIR@ (or @OUTDIR@), @OUTPUT@, @OUTPUT0@, @OUTPUT1@ ..., @INPUT@, "
            + "@INPUT0@ ..., @CURRENT_SOURCE_DIR@";

    private GeneratorPlanner() {
    }

    /** Where the outputs of a generator of {@code target} go: its {@code <outputDirectory>}, else {@code generated/<target>/}. */
    public static Path outputDirectory(BuildLayout layout, NativeTarget target, Generator generator) {
        return generator.outputDirectory().map(p -> p.toAbsolutePath().normalize())
                .orElseGet(() -> layout.generated(target));
    }

    /** The output folders of a target's generators, each once, in declaration order. */
    public static List<Path> outputDirectories(BuildLayout layout, NativeTarget target) {
        List<Path> folders = new ArrayList<>();
        for (Generator generator : target.generators()) {
            Path folder = outputDirectory(layout, target, generator);
            if (!folders.contains(folder)) {
                folders.add(folder);
            }
        }
        return folders;
    }

    /** Every target with the output folders of its generators added to its sources and include folders. */
    public static List<NativeTarget> withGeneratedSources(BuildLayout layout, List<NativeTarget> targets) {
        List<NativeTarget> expanded = new ArrayList<>(targets.size());
        for (NativeTarget target : targets) {
            expanded.add(target.generators().isEmpty() ? target
                    : target.withGeneratedFolders(outputDirectories(layout, target)));
        }
        return expanded;
    }

    /**
     * Plans every generator of every target, in target then declaration order.
     *
     * @param buildMachine names the tools' programs ({@code gen}, {@code gen.exe})
     * @param projectDirectory where the tools run; {@code @CURRENT_SOURCE_DIR@}
     * @throws GeneratorException a generator belongs to a build-machine target, its tool is not a build-machine
     *     executable of the module, an argument has an unknown placeholder, or two generators write the same file
     */
    public static List<GeneratorStep> plan(BuildLayout layout, Machine buildMachine, List<NativeTarget> targets,
                                           Path projectDirectory) throws GeneratorException {
        // A tool is an executable; a library may have the same name.
        Map<String, NativeTarget> byName = new LinkedHashMap<>();
        targets.stream().filter(t -> !t.isLibrary()).forEach(t -> byName.putIfAbsent(t.name(), t));
        targets.stream().filter(NativeTarget::isLibrary).forEach(t -> byName.putIfAbsent(t.name(), t));
        BuildLayout tools = layout.buildMachine();
        Path project = projectDirectory.toAbsolutePath().normalize();
        List<GeneratorStep> steps = new ArrayList<>();
        Map<Path, GeneratorStep> writers = new HashMap<>();
        for (NativeTarget target : targets) {
            for (int i = 0; i < target.generators().size(); i++) {
                Generator generator = target.generators().get(i);
                NativeTarget tool = tool(target, generator, byName);
                Path outputDirectory = outputDirectory(layout, target, generator);
                Path work = layout.generatedRoot().resolve(".tmp").resolve(target.name() + "-" + (i + 1));
                List<Path> outputs = new ArrayList<>();
                List<Path> workOutputs = new ArrayList<>();
                for (String output : generator.outputs()) {
                    outputs.add(outputDirectory.resolve(output).normalize());
                    workOutputs.add(work.resolve(output).normalize());
                }
                List<String> argv = new ArrayList<>();
                Path program = OutputNames.path(tools, buildMachine, tool);
                argv.add(program.toString());
                for (String arg : generator.args()) {
                    argv.addAll(substitute(arg, target, generator, work, workOutputs, project));
                }
                GeneratorStep step = new GeneratorStep(target, i + 1, tool, program, argv, outputDirectory, outputs,
                        work, workOutputs, generator.inputs(), project, generator.timeout());
                for (Path output : outputs) {
                    GeneratorStep other = writers.putIfAbsent(output, step);
                    if (other != null) {
                        throw new GeneratorException(target.name(), tool.name(), step.describe() + " and "
                                + other.describe() + " both write " + output + "; give one of them another "
                                + "<output> name or another <outputDirectory>");
                    }
                }
                steps.add(step);
            }
        }
        return steps;
    }

    private static NativeTarget tool(NativeTarget target, Generator generator, Map<String, NativeTarget> byName)
            throws GeneratorException {
        String where = SourceSetException.describe(target) + ": <generator><tool>" + generator.tool() + "</tool>";
        if (target.machine() != MachineRole.HOST) {
            throw new GeneratorException(target.name(), generator.tool(), SourceSetException.describe(target)
                    + " is built for the build machine and has a <generator>; only host-machine targets can have "
                    + "generators: move the <generator> to the library or executable that compiles its outputs");
        }
        NativeTarget tool = byName.get(generator.tool());
        if (tool == null) {
            List<String> candidates = byName.values().stream()
                    .filter(t -> t.kind() == TargetKind.EXECUTABLE && t.machine() == MachineRole.BUILD)
                    .map(NativeTarget::name).toList();
            throw new GeneratorException(target.name(), generator.tool(), where + " is not an executable of this "
                    + "module (" + (candidates.isEmpty() ? "it has no build-machine executables"
                            : "its build-machine executables: " + String.join(", ", candidates))
                    + "); declare it under <executables> with <machine>build</machine>, or correct the name");
        }
        if (tool.kind() != TargetKind.EXECUTABLE) {
            throw new GeneratorException(target.name(), generator.tool(), where + " names a library; the tool must "
                    + "be an <executable> with <machine>build</machine>");
        }
        if (tool.machine() != MachineRole.BUILD) {
            throw new GeneratorException(target.name(), generator.tool(), where + " names an executable for the host "
                    + "machine, which may not run here; add <machine>build</machine> to that <executable> so it is "
                    + "built with the build machine's compiler");
        }
        return tool;
    }

    /** One argument with its placeholders replaced: usually one element, several for a bare {@code @OUTPUT@}. */
    static List<String> substitute(String arg, NativeTarget target, Generator generator, Path work,
                                   List<Path> outputs, Path project) throws GeneratorException {
        List<Path> inputs = generator.inputs();
        if (arg.equals("@OUTPUT@")) {
            return outputs.stream().map(Path::toString).toList();
        }
        if (arg.equals("@INPUT@")) {
            return inputs.stream().map(Path::toString).toList();
        }
        Matcher m = PLACEHOLDER.matcher(arg);
        StringBuilder result = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String value = value(name, arg, target, generator, work, outputs, inputs, project);
            m.appendReplacement(result, Matcher.quoteReplacement(value));
        }
        m.appendTail(result);
        return List.of(result.toString());
    }

    private static String value(String name, String arg, NativeTarget target, Generator generator, Path work,
                                List<Path> outputs, List<Path> inputs, Path project) throws GeneratorException {
        String where = SourceSetException.describe(target) + ": the <generator> running '" + generator.tool()
                + "' has <arg>" + arg + "</arg>";
        return switch (name) {
            case "OUTPUT_DIR", "OUTDIR" -> work.toString();
            case "CURRENT_SOURCE_DIR" -> project.toString();
            case "OUTPUT", "INPUT" -> {
                List<Path> all = name.equals("OUTPUT") ? outputs : inputs;
                if (all.size() != 1) {
                    throw new GeneratorException(target.name(), generator.tool(), where + ": @" + name + "@ inside "
                            + "a longer argument needs exactly one " + name.toLowerCase(java.util.Locale.ROOT)
                            + ", but there are " + all.size() + "; use @" + name + "0@, @" + name + "1@ ..., or "
                            + "give @" + name + "@ as an argument of its own");
                }
                yield all.get(0).toString();
            }
            default -> {
                Matcher indexed = INDEXED.matcher(name);
                if (!indexed.matches()) {
                    throw new GeneratorException(target.name(), generator.tool(), where + ": @" + name + "@ is not a "
                            + "placeholder; the known ones are " + KNOWN);
                }
                List<Path> all = indexed.group(1).equals("OUTPUT") ? outputs : inputs;
                String kind = indexed.group(1).toLowerCase(java.util.Locale.ROOT);
                int index = indexed.group(2).length() > 6 ? Integer.MAX_VALUE : Integer.parseInt(indexed.group(2));
                if (index >= all.size()) {
                    throw new GeneratorException(target.name(), generator.tool(), where + ": @" + name + "@ names "
                            + kind + " " + indexed.group(2) + ", but the generator declares " + all.size() + " "
                            + kind + "s (counted from 0); add it to <" + kind + "s> or correct the number");
                }
                yield all.get(index).toString();
            }
        };
    }
}
