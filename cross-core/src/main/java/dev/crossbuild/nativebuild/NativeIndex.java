package dev.crossbuild.nativebuild;

import dev.crossbuild.io.Hashes;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The index that cross-runtime's {@code NativeLoader} reads: {@code META-INF/native/<classifier>/index.tsv} beside a
 * classifier's natives, and {@code META-INF/native/classifiers.txt} naming the classifiers a jar holds.
 *
 * <p>{@code index.tsv}: UTF-8, one entry per line ({@code #} starts a comment), five TAB-separated fields
 * {@code kind name file sha256 needs}: {@code kind} is {@code library} (a shared library the loader may load) or
 * {@code file} (an executable, a static archive); {@code name} the target's {@code <name>}; {@code file} the file
 * name in the folder ({@link LinkedOutput#runtimeName()}: {@code libz.so.1} for a versioned library, the name its
 * importers ask for); {@code sha256} 64 lower-case hex digits of its bytes; {@code needs} the comma-separated names
 * of the project libraries it links against (may be empty). Libraries come in load order: each after the ones it
 * needs (the link order).
 */
public final class NativeIndex {

    public static final String INDEX = "index.tsv";
    public static final String CLASSIFIERS = "classifiers.txt";

    private NativeIndex() {
    }

    /**
     * The index of one classifier's outputs: libraries first, each after the libraries it needs, otherwise by name;
     * then the other files by name (and file, for a library and an executable of one name). The same outputs give the same index whatever order they come in.
     */
    public static String of(List<LinkedOutput> outputs) throws IOException {
        Map<String, LinkedOutput> libraries = new TreeMap<>();
        Map<String, LinkedOutput> files = new TreeMap<>();
        for (LinkedOutput output : outputs) {
            if (output.target().kind() == TargetKind.SHARED_LIBRARY) {
                libraries.put(output.target().name(), output);
            } else {
                // by name, then file: a library and an executable may share a name
                files.put(output.target().name() + "/" + output.runtimeName(), output);
            }
        }
        StringBuilder text = new StringBuilder("# cross native index 1: kind\tname\tfile\tsha256\tneeds\n");
        Set<String> listed = new HashSet<>();
        while (listed.size() < libraries.size()) {
            LinkedOutput next = libraries.values().stream()
                    .filter(o -> !listed.contains(o.target().name()))
                    .filter(o -> needs(o, libraries).stream().allMatch(listed::contains))
                    .findFirst()
                    // A cycle cannot be linked, so it never reaches here; list the rest rather than loop.
                    .orElseGet(() -> libraries.values().stream().filter(o -> !listed.contains(o.target().name()))
                            .findFirst().orElseThrow());
            listed.add(next.target().name());
            line(text, "library", next, needs(next, libraries));
        }
        for (LinkedOutput output : files.values()) {
            line(text, "file", output, List.of());
        }
        return text.toString();
    }

    /** The project's shared libraries {@code output} links against. */
    private static List<String> needs(LinkedOutput output, Map<String, LinkedOutput> libraries) {
        return output.target().libraries().stream().filter(libraries::containsKey).toList();
    }

    private static void line(StringBuilder text, String kind, LinkedOutput output, List<String> needs)
            throws IOException {
        text.append(kind).append('\t')
                .append(output.target().name()).append('\t')
                .append(output.runtimeName()).append('\t')
                .append(sha256(output)).append('\t')
                .append(String.join(",", needs)).append('\n');
    }

    /** The output's SHA-256 as verification recorded it, else read from the file. */
    private static String sha256(LinkedOutput output) throws IOException {
        if (output.facts().get(OutputsJson.SHA256) instanceof String recorded) {
            return recorded;
        }
        return Hashes.sha256(output.file());
    }

    /** {@code classifiers.txt}: one classifier per line, sorted. */
    public static String classifiers(Set<String> classifiers) {
        StringBuilder text = new StringBuilder();
        new TreeSet<>(classifiers).forEach(c -> text.append(c).append('\n'));
        return text.toString();
    }
}
