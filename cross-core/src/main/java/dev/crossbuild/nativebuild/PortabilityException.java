package dev.crossbuild.nativebuild;

import dev.crossbuild.error.CrossException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The portability gate is enforced ({@code <portability><enforce>true</enforce>}) and linked outputs have problems:
 * the message names each one (output, symbol or library, and which object needs it), then the remedy of each kind
 * once. The outputs were kept, as were their {@code outputs.json} entries with the problems, for the site report.
 */
public final class PortabilityException extends CrossException {

    private static final long serialVersionUID = 1L;

    private final List<PortabilityProblem> problems;

    PortabilityException(List<PortabilityProblem> problems, String limits) {
        super(message(problems, limits), outputs(problems), remedies(problems));
        this.problems = List.copyOf(problems);
    }

    /** Every problem, output by output. */
    public List<PortabilityProblem> problems() {
        return problems;
    }

    private static String message(List<PortabilityProblem> problems, String limits) {
        long outputs = problems.stream().map(PortabilityProblem::output).distinct().count();
        return "Portability (<portability><enforce>true</enforce>" + (limits.isEmpty() ? "" : ", " + limits) + "): "
                + problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in " + outputs
                + (outputs == 1 ? " output" : " outputs") + ":\n"
                + problems.stream().map(p -> "  " + p.line()).collect(Collectors.joining("\n")) + "\n"
                + remedies(problems);
    }

    private static String outputs(List<PortabilityProblem> problems) {
        return problems.stream().map(PortabilityProblem::output).distinct().collect(Collectors.joining(", "));
    }

    /** Each distinct remedy once, in the order of the problems: {@code Remedy (glibc): ...}. */
    static String remedies(List<PortabilityProblem> problems) {
        Set<String> lines = new LinkedHashSet<>();
        for (PortabilityProblem problem : problems) {
            lines.add("Remedy (" + problem.check() + "): " + problem.remedy());
        }
        return String.join("\n", lines);
    }
}
