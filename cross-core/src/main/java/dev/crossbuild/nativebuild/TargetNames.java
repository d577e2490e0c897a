package dev.crossbuild.nativebuild;

import dev.crossbuild.machine.Machine;
import dev.crossbuild.machine.MachineRole;
import dev.crossbuild.machine.Machines;
import dev.crossbuild.machine.OutputFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The names of a module's targets, checked at setup before anything is built, as Meson checks them when it reads
 * {@code meson.build}: a library and an executable may share a name ({@code lua} and {@code lua}), but
 * <ul>
 *   <li>no two {@code <library>}s and no two {@code <executable>}s have the same name (a {@code <libraries>} entry names
 *       a library, a test's {@code <executable>} and a generator's {@code <tool>} an executable);
 *   <li>no two outputs of one machine have the same file name ({@link OutputNames#files}: libraries, executables,
 *       import libraries and the aliases of versioned libraries; the jars hold them in one folder), compared without
 *       case for Windows and darwin hosts, whose file systems ignore it;
 *   <li>no two host targets with {@code <generator>}s writing to the default folder {@code generated/<name>/} share a
 *       name.
 * </ul>
 */
public final class TargetNames {

    private TargetNames() {
    }

    /** @throws TargetNameException naming both POM elements of the first clash found */
    public static void check(Machines machines, List<NativeTarget> targets) throws TargetNameException {
        checkNames(targets, true);
        checkNames(targets, false);
        checkFiles(machines.host(), targets.stream().filter(t -> t.machine() == MachineRole.HOST).toList());
        checkFiles(machines.build(), targets.stream().filter(t -> t.machine() == MachineRole.BUILD).toList());
        checkGeneratedFolders(targets);
    }

    private static void checkNames(List<NativeTarget> targets, boolean libraries) throws TargetNameException {
        Map<String, NativeTarget> seen = new HashMap<>();
        for (NativeTarget target : targets) {
            if (target.isLibrary() != libraries) {
                continue;
            }
            NativeTarget first = seen.putIfAbsent(target.name(), target);
            if (first != null) {
                String element = libraries ? "<library>" : "<executable>";
                throw new TargetNameException(target.name(), "Two " + element + "s are named '" + target.name()
                        + "' (the " + ordinal(position(targets, first)) + " and the "
                        + ordinal(position(targets, target)) + " of <" + (libraries ? "libraries" : "executables")
                        + ">); give each " + element + " a name of its own (a library and an executable may share "
                        + "one).");
            }
        }
    }

    private static void checkFiles(Machine machine, List<NativeTarget> targets) throws TargetNameException {
        boolean ignoreCase = OutputFormat.of(machine) != OutputFormat.ELF;
        Map<String, NativeTarget> owners = new HashMap<>();
        for (NativeTarget declared : targets) {
            for (NativeTarget output : declared.outputs()) {
                for (String file : OutputNames.files(machine, output)) {
                    String key = ignoreCase ? file.toLowerCase(Locale.ROOT) : file;
                    NativeTarget owner = owners.putIfAbsent(key, output);
                    if (owner != null) {
                        throw new TargetNameException(file, describe(owner, targets) + " and " + describe(output, targets)
                                + " would both write the file " + file + " (for " + machine + ")"
                                + (ignoreCase ? ", whose file system ignores case" : "")
                                + "; every output needs a file name of its own: change a <name>, <namePrefix> or "
                                + "<nameSuffix>.");
                    }
                }
            }
        }
    }

    private static void checkGeneratedFolders(List<NativeTarget> targets) throws TargetNameException {
        Map<String, NativeTarget> owners = new HashMap<>();
        for (NativeTarget target : targets) {
            if (target.machine() != MachineRole.HOST
                    || target.generators().stream().allMatch(g -> g.outputDirectory().isPresent())) {
                continue;
            }
            NativeTarget owner = owners.putIfAbsent(target.name(), target);
            if (owner != null) {
                throw new TargetNameException(target.name(), describe(owner, targets) + " and "
                        + describe(target, targets) + " both have <generator>s writing into generated/" + target.name()
                        + "/; give the <generator>s of one of them an <outputDirectory>.");
            }
        }
    }

    /** {@code <library> z (kind both, its static library)}, {@code <executable> lua}. */
    private static String describe(NativeTarget output, List<NativeTarget> targets) {
        if (!output.isLibrary()) {
            return output.describe();
        }
        NativeTarget declared = targets.stream().filter(t -> t.isLibrary() && t.name().equals(output.name()))
                .findFirst().orElse(output);
        String kind = switch (declared.kind()) {
            case SHARED_LIBRARY -> "shared";
            case STATIC_LIBRARY -> "static";
            case BOTH_LIBRARIES -> "both, its " + (output.kind() == TargetKind.STATIC_LIBRARY ? "static" : "shared")
                    + " library";
            case EXECUTABLE -> "executable";
        };
        return output.describe() + " (kind " + kind + ")";
    }

    private static int position(List<NativeTarget> targets, NativeTarget target) {
        int position = 0;
        for (NativeTarget other : targets) {
            if (other.isLibrary() == target.isLibrary()) {
                position++;
            }
            if (other == target) {
                return position;
            }
        }
        return position;
    }

    private static String ordinal(int n) {
        String suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : switch (n % 10) {
            case 1 -> "st";
            case 2 -> "nd";
            case 3 -> "rd";
            default -> "th";
        };
        return n + suffix;
    }

    /** For callers without machines: the names alone. */
    static List<String> problems(List<NativeTarget> targets) {
        List<String> problems = new ArrayList<>();
        try {
            checkNames(targets, true);
            checkNames(targets, false);
        } catch (TargetNameException e) {
            problems.add(e.getMessage());
        }
        return problems;
    }
}
