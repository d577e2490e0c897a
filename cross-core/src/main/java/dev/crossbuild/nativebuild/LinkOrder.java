package dev.crossbuild.nativebuild;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order in which the targets of a module are linked, and the project libraries on each target's command line,
 * from the {@code <libraries>} each target names. Checked when built: every name must be a library of the module
 * (not an executable, not the target itself) and no library may link itself through others.
 */
public final class LinkOrder {

    private final Map<String, NativeTarget> targets;
    private final List<NativeTarget> buildOrder;

    private LinkOrder(Map<String, NativeTarget> targets, List<NativeTarget> buildOrder) {
        this.targets = targets;
        this.buildOrder = buildOrder;
    }

    /**
     * @throws LinkException naming the target and the {@code <library>} that is unknown, not a library, or closes a
     *     cycle; or two libraries (two executables) of the same name
     */
    public static LinkOrder of(List<NativeTarget> targets) throws LinkException {
        List<String> clashes = TargetNames.problems(targets);
        if (!clashes.isEmpty()) {
            throw new LinkException(null, clashes.get(0));
        }
        // A library and an executable may share a name; <libraries> entries name libraries.
        Map<String, NativeTarget> byName = new LinkedHashMap<>();
        for (NativeTarget target : targets) {
            if (target.isLibrary()) {
                byName.put(target.name(), target);
            }
        }
        for (NativeTarget target : targets) {
            for (String library : target.libraries()) {
                check(target, library, byName, targets);
            }
        }
        List<NativeTarget> order = new ArrayList<>();
        Set<String> done = new HashSet<>();
        for (NativeTarget target : targets) {
            visit(target, byName, done, new ArrayList<>(), order);
        }
        return new LinkOrder(byName, List.copyOf(order));
    }

    /** Every target, each library before the targets that link it, otherwise in the order given. */
    public List<NativeTarget> buildOrder() {
        return buildOrder;
    }

    /**
     * The project libraries {@code target} links, direct and through other libraries, each one before the libraries
     * it links itself (the order a static link needs: a library's dependents first), otherwise in the order the
     * {@code <libraries>} name them.
     */
    public List<NativeTarget> linkedLibraries(NativeTarget target) {
        List<NativeTarget> postOrder = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        List<String> direct = new ArrayList<>(target.libraries());
        Collections.reverse(direct);
        for (String name : direct) {
            collect(targets.get(name), seen, postOrder);
        }
        Collections.reverse(postOrder);
        return List.copyOf(postOrder);
    }

    private void collect(NativeTarget library, Set<String> seen, List<NativeTarget> postOrder) {
        if (!seen.add(library.name())) {
            return;
        }
        List<String> direct = new ArrayList<>(library.libraries());
        Collections.reverse(direct);
        for (String name : direct) {
            collect(targets.get(name), seen, postOrder);
        }
        postOrder.add(library);
    }

    private static void check(NativeTarget target, String library, Map<String, NativeTarget> byName,
                              List<NativeTarget> targets) throws LinkException {
        NativeTarget linked = byName.get(library);
        String where = element(target) + " " + target.name() + ": <library>" + library + "</library>";
        if (linked == null && targets.stream().anyMatch(t -> !t.isLibrary() && t.name().equals(library))) {
            throw new LinkException(target.name(), where + " names an executable; only libraries can be linked.");
        }
        if (linked == null) {
            List<String> libraries = byName.values().stream().filter(NativeTarget::isLibrary)
                    .map(NativeTarget::name).toList();
            throw new LinkException(target.name(), where + " is not a library of this module ("
                    + (libraries.isEmpty() ? "it has none" : "its libraries: " + String.join(", ", libraries))
                    + "); declare it under <libraries> or correct the name.");
        }
        if (linked.machine() != target.machine()) {
            throw new LinkException(target.name(), where + " is built for the " + machineName(linked)
                    + " machine, " + target.name() + " for the " + machineName(target)
                    + " machine; a target can only link libraries of its own machine.");
        }
        if (linked == target) {
            throw new LinkException(target.name(), where + " names the library itself; remove it.");
        }
    }

    private static void visit(NativeTarget target, Map<String, NativeTarget> byName, Set<String> done,
            List<NativeTarget> path, List<NativeTarget> order) throws LinkException {
        if (done.contains(target.describe())) {
            return;
        }
        int index = path.indexOf(target);
        if (index >= 0) {
            NativeTarget last = path.get(path.size() - 1);
            List<String> cycle = new ArrayList<>();
            path.subList(index, path.size()).forEach(t -> cycle.add(t.name()));
            cycle.add(target.name());
            throw new LinkException(last.name(), element(last) + " " + last.name() + ": <library>" + target.name()
                    + "</library> closes a cycle (" + String.join(" -> ", cycle)
                    + "); libraries cannot link each other in a circle, remove one of these <library> entries.");
        }
        path.add(target);
        for (String name : target.libraries()) {
            visit(byName.get(name), byName, done, path, order);
        }
        path.remove(path.size() - 1);
        done.add(target.describe());
        order.add(target);
    }

    private static String machineName(NativeTarget target) {
        return target.machine().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** {@code <library>} or {@code <executable>}: the POM element a target comes from. */
    static String element(NativeTarget target) {
        return target.isLibrary() ? "<library>" : "<executable>";
    }
}
