package dev.crossbuild.nativebuild;

import dev.crossbuild.machine.Machine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Native-link's portability gate over one link: each shared library's and executable's {@code outputs.json} entry
 * gets a {@code portability} field ({@code policy}: {@link PortabilityPolicy#key()}, {@code problems}); an
 * up-to-date output's recorded problems are reused while the policy is unchanged, else it is checked again. At the
 * end the problems are logged as warnings or, enforced, become a {@link PortabilityException}.
 */
final class PortabilityGate {

    static final String FIELD = "portability";

    private final PortabilityPolicy policy;
    private final PortabilityChecker checker;
    private final BuildLayout librariesLayout;
    private final Machine host;
    private final List<PortabilityProblem> problems = new ArrayList<>();
    private int checked;

    PortabilityGate(PortabilityPolicy policy, LinkRequest request) {
        this.policy = policy;
        this.host = request.setup().host();
        this.librariesLayout = request.librariesLayout();
        Set<String> projectLibraries = new LinkedHashSet<>();
        for (NativeTarget target : request.targets()) {
            if (target.kind().outputs().contains(TargetKind.SHARED_LIBRARY)) {
                // The name its importers record: the SONAME of a versioned library.
                projectLibraries.add(OutputNames.runtimeName(host, target.as(TargetKind.SHARED_LIBRARY)));
            }
        }
        // The native dependencies' shared libraries ship with the module's (native-link packs them in its jars).
        request.setup().nativeDependencies().forEach(dependency -> dependency.libraries().stream()
                .filter(DevLibrary::shared).forEach(library -> projectLibraries.add(library.runtimeName())));
        this.checker = new PortabilityChecker(policy, host.system(), projectLibraries, request.layout());
    }

    /** {@code entry} with its {@code portability} field as the policy wants it (removed when skipped). */
    Map<String, Object> review(Map<String, Object> entry, LinkStep step) throws IOException {
        Map<String, Object> reviewed = new LinkedHashMap<>(entry);
        if (policy.skip() || step.target().kind() == TargetKind.STATIC_LIBRARY) {
            reviewed.remove(FIELD);
            return reviewed;
        }
        checked++;
        String output = String.valueOf(entry.get("file"));
        List<PortabilityProblem> found = recorded(entry.get(FIELD), output);
        if (found == null) {
            found = checker.check(step.command().output(), objects(step));
            Map<String, Object> field = new LinkedHashMap<>();
            field.put("policy", policy.key());
            field.put("problems", found.stream().map(PortabilityProblem::toJson).toList());
            reviewed.put(FIELD, field);
        }
        problems.addAll(found);
        return reviewed;
    }

    /** Logs the problems (warnings), or throws them when the gate is enforced. */
    void finish(BuildListener listener) throws PortabilityException {
        if (problems.isEmpty()) {
            return;
        }
        if (policy.enforce()) {
            throw new PortabilityException(problems, policy.limits());
        }
        for (PortabilityProblem problem : problems) {
            listener.warn("portability: " + problem.line());
        }
        for (String remedy : PortabilityException.remedies(problems).split("\n")) {
            listener.warn("portability: " + remedy);
        }
        long outputs = problems.stream().map(PortabilityProblem::output).distinct().count();
        listener.warn("portability: " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in "
                + outputs + " of " + checked + " outputs" + (policy.limits().isEmpty() ? "" : " (" + policy.limits()
                + ")") + "; <portability><enforce>true</enforce> (or -Dcross.portability.enforce=true) fails the "
                + "build on them");
    }

    /** The problems recorded with the current policy, or null when the entry has none that can be reused. */
    private List<PortabilityProblem> recorded(Object field, String output) {
        if (!(field instanceof Map<?, ?> map) || !Objects.equals(map.get("policy"), policy.key())
                || !(map.get("problems") instanceof List<?> list)) {
            return null;
        }
        try {
            return list.stream().map(json -> PortabilityProblem.fromJson(output, json)).toList();
        } catch (IllegalArgumentException damaged) {
            return null;
        }
    }

    /** The target's objects, then the project's static libraries linked into it (their members are searched). */
    private List<Path> objects(LinkStep step) {
        List<Path> objects = new ArrayList<>(step.objects());
        for (NativeTarget library : step.libraries()) {
            if (library.kind() == TargetKind.STATIC_LIBRARY) {
                objects.add(OutputNames.path(librariesLayout, host, library));
            }
        }
        return objects;
    }
}
