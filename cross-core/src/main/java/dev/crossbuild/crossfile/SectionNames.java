package dev.crossbuild.crossfile;

import dev.crossbuild.machine.Machine;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Which sections a machine file may have, and what to say about the others. Meson parses every section but
 * silently ignores names it does not know (even {@code [Binaries]}: names are case-sensitive); we warn instead,
 * with "did you mean" for near misses.
 */
final class SectionNames {

    static final String CONSTANTS = "constants";
    static final String BINARIES = "binaries";
    static final String PROPERTIES = "properties";
    static final String HOST_MACHINE = "host_machine";
    static final String TARGET_MACHINE = "target_machine";
    static final String BUILD_MACHINE = "build_machine";
    static final String BUILT_IN_OPTIONS = "built-in options";
    static final String PROJECT_OPTIONS = "project options";
    static final String PATHS = "paths";
    static final String CMAKE = "cmake";

    private static final List<String> KNOWN = List.of(CONSTANTS, BINARIES, PROPERTIES, HOST_MACHINE,
            TARGET_MACHINE, BUILT_IN_OPTIONS, PROJECT_OPTIONS, PATHS, CMAKE);

    private SectionNames() {
    }

    /** An options section, plain ({@code subproject} empty) or for one subproject. */
    record OptionsSection(String subproject, String kind) {
        /** How an option of this section is keyed: {@code c_std} or {@code sub:c_std}. */
        String key(String option) {
            return subproject.isEmpty() ? option : subproject + ":" + option;
        }
    }

    /** {@code [built-in options]}, {@code [project options]} and their {@code [sub:...]} forms; else empty. */
    static Optional<OptionsSection> options(String name) {
        String[] parts = name.split(":", -1);
        String kind = parts[parts.length - 1];
        if (parts.length > 2 || !(kind.equals(BUILT_IN_OPTIONS) || kind.equals(PROJECT_OPTIONS))) {
            return Optional.empty();
        }
        return Optional.of(new OptionsSection(parts.length == 2 ? parts[0] : "", kind));
    }

    /** Rejects what Meson rejects and warns about sections that will be ignored. */
    static void check(MachineFile file, MachineFileKind kind, Machine buildMachine, List<CrossFileWarning> warnings)
            throws CrossFileException {
        for (Section section : file.sections()) {
            String name = section.name();
            String problem = null;
            if (name.indexOf(':') != name.lastIndexOf(':')) {
                String[] parts = name.split(":", -1);
                String replacement = "[" + parts[parts.length - 2] + ":" + parts[parts.length - 1] + "]";
                throw new CrossFileException(section.file(), section.line(), null, "section [" + name + "]: "
                        + "subproject options should always be set as [subproject:section], even if the options are "
                        + "from a nested subproject; replace [" + name + "] with " + replacement);
            } else if (name.contains(":")) {
                if (options(name).isEmpty()) {
                    String kindPart = name.substring(name.indexOf(':') + 1);
                    problem = "section [" + name + "] is ignored: only [<subproject>:built-in options] and "
                            + "[<subproject>:project options] take a subproject prefix"
                            + Suggestions.didYouMean(Suggestions.closest(kindPart,
                                    List.of(BUILT_IN_OPTIONS, PROJECT_OPTIONS)),
                                    "[" + name.substring(0, name.indexOf(':') + 1), "]");
                }
            } else if (name.equals(BUILD_MACHINE)) {
                problem = "section [build_machine] is ignored: Meson never reads it, the build machine is always "
                        + "detected (here " + buildMachine + ")";
            } else if (kind == MachineFileKind.NATIVE && (name.equals(HOST_MACHINE) || name.equals(TARGET_MACHINE))) {
                problem = "section [" + name + "] is ignored in a native file: Meson reads it only from cross files; "
                        + "move it to a cross file to describe the " + name.substring(0, name.indexOf('_'))
                        + " machine";
            } else if (name.equals(PATHS)) {
                problem = "section [paths] is deprecated since Meson 0.56.0; its values are used as built-in "
                        + "options, move them to [built-in options]";
            } else if (!KNOWN.contains(name)) {
                problem = unknown(name);
            }
            if (problem != null) {
                warnings.add(new CrossFileWarning(section.file(), section.line(), Optional.empty(), problem));
            }
        }
    }

    private static String unknown(String name) {
        List<String> candidates = new ArrayList<>(KNOWN);
        candidates.add(BUILD_MACHINE);
        Optional<String> suggestion = Suggestions.closest(name, candidates);
        if (suggestion.isPresent() && suggestion.get().equalsIgnoreCase(name)) {
            return "section [" + name + "] is ignored: section names are case-sensitive and Meson silently "
                    + "ignores [" + name + "] too; did you mean [" + suggestion.get() + "]?";
        }
        return "unknown section [" + name + "] is ignored (Meson ignores it too)"
                + Suggestions.didYouMean(suggestion, "[", "]");
    }
}
