package dev.crossbuild.sysroot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One {@code Depends}/{@code Pre-Depends} entry of a package: its alternatives ({@code libc6-dev | libc-dev}), each a
 * real package or a virtual one with the packages that provide it, as {@code apt-cache depends} prints them.
 */
record DependencyGroup(List<Alternative> alternatives) {

    DependencyGroup {
        alternatives = List.copyOf(alternatives);
    }

    /**
     * One alternative: {@code name} as written (without {@code <>} and {@code :any}); {@code virtual} when no package
     * has that name, {@code providers} then the ones that provide it; {@code anyArchitecture} for {@code name:any},
     * which only a program satisfies.
     */
    record Alternative(String name, boolean virtual, List<String> providers, boolean anyArchitecture) {

        Alternative {
            providers = List.copyOf(providers);
        }

        /** The packages that would satisfy this alternative: the package itself, or the providers. */
        List<String> candidates() {
            return virtual ? providers : List.of(name);
        }
    }

    /**
     * Parses {@code apt-cache depends --no-recommends --no-suggests --no-conflicts --no-breaks --no-replaces
     * --no-enhances} output: a package name at the start of a line, then its dependencies indented two columns
     * ({@code |} in the first column: or the next one), each virtual one ({@code <name>}) followed by its providers
     * indented four. A package without dependencies maps to an empty list.
     */
    static Map<String, List<DependencyGroup>> parseDepends(String output) {
        Map<String, List<DependencyGroup>> result = new LinkedHashMap<>();
        List<DependencyGroup> groups = null;
        List<Alternative> open = new ArrayList<>();
        boolean continues = false;
        String pendingName = null;
        boolean pendingVirtual = false;
        boolean pendingAny = false;
        List<String> pendingProviders = new ArrayList<>();
        for (String line : output.split("\n", -1)) {
            if (line.isBlank()) {
                continue;
            }
            boolean header = !line.startsWith(" ") && !line.startsWith("|");
            boolean provider = line.startsWith("    ");
            if (provider && pendingName != null) {
                pendingProviders.add(line.strip());
                continue;
            }
            // Anything else ends the dependency before it.
            if (pendingName != null) {
                open.add(new Alternative(pendingName, pendingVirtual, pendingProviders, pendingAny));
                pendingName = null;
                pendingProviders = new ArrayList<>();
                if (!continues && groups != null) {
                    groups.add(new DependencyGroup(open));
                    open = new ArrayList<>();
                }
            }
            if (header) {
                if (groups != null && !open.isEmpty()) {
                    groups.add(new DependencyGroup(open));
                    open = new ArrayList<>();
                }
                String name = line.strip();
                if (name.startsWith("<") && name.endsWith(">")) {
                    groups = null; // a virtual package's own block: nothing to learn from it
                    continue;
                }
                groups = result.computeIfAbsent(name, n -> new ArrayList<>());
                continues = false;
                continue;
            }
            String stripped = line.strip();
            boolean or = stripped.startsWith("|");
            if (or) {
                stripped = stripped.substring(1).strip();
            }
            int colon = stripped.indexOf(':');
            if (colon < 0 || groups == null) {
                continue;
            }
            String kind = stripped.substring(0, colon);
            if (!kind.equals("Depends") && !kind.equals("PreDepends")) {
                continues = false;
                continue;
            }
            String target = stripped.substring(colon + 1).strip();
            boolean virtual = target.startsWith("<") && target.endsWith(">");
            if (virtual) {
                target = target.substring(1, target.length() - 1);
            }
            boolean any = target.endsWith(":any");
            if (any) {
                target = target.substring(0, target.length() - ":any".length());
            }
            pendingName = target;
            pendingVirtual = virtual;
            pendingAny = any;
            continues = or;
        }
        if (pendingName != null) {
            open.add(new Alternative(pendingName, pendingVirtual, pendingProviders, pendingAny));
        }
        if (groups != null && !open.isEmpty()) {
            groups.add(new DependencyGroup(open));
        }
        return result;
    }
}
