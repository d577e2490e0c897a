package dev.crossbuild.sysroot;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The packages of a sysroot: the requested ones and, following {@code Depends} and {@code Pre-Depends} (not
 * Recommends or Suggests), every dependency that {@linkplain PackageRecord#belongsInSysroot() belongs in a sysroot}
 * ({@code Multi-Arch: same} or {@code Architecture: all}). Not taken, and not followed: what the cross toolchain
 * provides ({@link ToolchainPackages}: a group with such an alternative is satisfied by it), programs
 * ({@code name:any}, and packages that are neither {@code Multi-Arch: same} nor {@code all}: a cross build runs the
 * build machine's), and names the archive does not have. Of a group's alternatives ({@code a | b}) the first that
 * can be taken is; a group one of whose alternatives is taken already needs nothing more. Every package not taken is
 * listed in {@link Result#skipped()} with the reason.
 */
final class DependencyClosure {

    /** What the closure asks the archive, a layer of names at a time. */
    interface Archive {
        /** The candidate version of each name that is a real package; unknown and virtual names are absent. */
        Map<String, PackageRecord> show(Collection<String> names) throws IOException;

        /** The dependency groups of each of {@code names}. */
        Map<String, List<DependencyGroup>> depends(Collection<String> names) throws IOException;
    }

    /** The packages taken, requested ones first, and the names not taken with why. */
    record Result(List<PackageRecord> packages, Map<String, String> skipped) {
        Result {
            packages = List.copyOf(packages);
            skipped = Map.copyOf(skipped);
        }
    }

    /** A requested name the archive does not have, or one the toolchain provides. */
    static final class RequestException extends Exception {
        private static final long serialVersionUID = 1L;
        private final List<String> unknown;
        private final List<String> provided;

        RequestException(List<String> unknown, List<String> provided) {
            super("unknown " + unknown + ", provided by the toolchain " + provided);
            this.unknown = List.copyOf(unknown);
            this.provided = List.copyOf(provided);
        }

        List<String> unknown() {
            return unknown;
        }

        List<String> provided() {
            return provided;
        }
    }

    static final String TOOLCHAIN = "provided by the cross toolchain";
    static final String PROGRAM = "a program: the build machine's is used";
    static final String ABSENT = "not in the archive";

    private DependencyClosure() {
    }

    static Result resolve(List<String> requested, Archive archive) throws IOException, RequestException {
        List<String> provided = requested.stream().filter(ToolchainPackages::provides).toList();
        Map<String, PackageRecord> known = new LinkedHashMap<>(archive.show(requested));
        List<String> unknown = requested.stream().filter(name -> !known.containsKey(name)).toList();
        if (!provided.isEmpty() || !unknown.isEmpty()) {
            throw new RequestException(unknown, provided);
        }
        Map<String, PackageRecord> taken = new LinkedHashMap<>();
        Map<String, String> skipped = new LinkedHashMap<>();
        requested.forEach(name -> taken.put(name, known.get(name)));
        List<String> frontier = List.copyOf(taken.keySet());
        while (!frontier.isEmpty()) {
            Map<String, List<DependencyGroup>> depends = archive.depends(frontier);
            Set<String> unseen = new LinkedHashSet<>();
            for (String name : frontier) {
                for (DependencyGroup group : depends.getOrDefault(name, List.of())) {
                    for (DependencyGroup.Alternative alternative : group.alternatives()) {
                        alternative.candidates().stream()
                                .filter(c -> !known.containsKey(c) && !ToolchainPackages.provides(c))
                                .forEach(unseen::add);
                    }
                }
            }
            if (!unseen.isEmpty()) {
                known.putAll(archive.show(unseen));
            }
            List<String> next = new ArrayList<>();
            for (String name : frontier) {
                for (DependencyGroup group : depends.getOrDefault(name, List.of())) {
                    choose(group, known, taken, skipped).ifPresent(next::add);
                }
            }
            frontier = next;
        }
        skipped.keySet().removeAll(taken.keySet());
        return new Result(List.copyOf(taken.values()), skipped);
    }

    /** Takes what {@code group} needs, if anything; returns a newly taken package's name. */
    private static Optional<String> choose(DependencyGroup group, Map<String, PackageRecord> known,
            Map<String, PackageRecord> taken, Map<String, String> skipped) {
        for (DependencyGroup.Alternative alternative : group.alternatives()) {
            if (ToolchainPackages.provides(alternative.name())
                    || alternative.candidates().stream().anyMatch(ToolchainPackages::provides)) {
                skipped.putIfAbsent(alternative.name(), TOOLCHAIN);
                return Optional.empty();
            }
            if (alternative.candidates().stream().anyMatch(taken::containsKey)) {
                return Optional.empty();
            }
        }
        for (DependencyGroup.Alternative alternative : group.alternatives()) {
            for (String candidate : alternative.candidates()) {
                PackageRecord record = known.get(candidate);
                if (record == null) {
                    continue;
                }
                if (alternative.anyArchitecture() || !record.belongsInSysroot()) {
                    skipped.putIfAbsent(candidate, PROGRAM);
                    return Optional.empty();
                }
                taken.put(candidate, record);
                return Optional.of(candidate);
            }
        }
        group.alternatives().forEach(a -> skipped.putIfAbsent(a.name(), ABSENT));
        return Optional.empty();
    }
}
