package dev.crossbuild.nativebuild;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The index that cross-runtime's {@code NativeLoader} reads: {@code META-INF/native/<classifier>/index.tsv} beside a
 * classifier's natives, and {@code META-INF/native/classifiers.txt} naming the classifiers a jar holds.
 *
 * <p>{@code index.tsv}: UTF-8, one entry per line ({@code #} starts a comment), five TAB-separated fields
 * {@code kind name file sha256 needs}: {@code kind} is {@code library} (a shared library the loader may load) or
 * {@code file} (an executable, a static archive); {@code name} the target's {@code <name>}; {@code file} the file
 * name in the folder; {@code sha256} 64 lower-case hex digits of its bytes; {@code needs} the comma-separated names
 * of the project libraries it links against (may be empty). Libraries come in load order: each after the ones it
 * needs (the link order).
 */
public final class NativeIndex {

    public static final String INDEX = "index.tsv";
    public static final String CLASSIFIERS = "classifiers.txt";

    private NativeIndex() {
    }

    /** The index of one classifier's outputs, in link order. */
    public static String of(List<LinkedOutput> outputs) {
        Set<String> sharedLibraries = outputs.stream().filter(o -> o.target().kind() == TargetKind.SHARED_LIBRARY)
                .map(o -> o.target().name()).collect(Collectors.toSet());
        StringBuilder text = new StringBuilder("# cross native index 1: kind\tname\tfile\tsha256\tneeds\n");
        for (LinkedOutput output : outputs) {
            boolean library = output.target().kind() == TargetKind.SHARED_LIBRARY;
            List<String> needs = new ArrayList<>();
            if (library) {
                output.target().libraries().stream().filter(sharedLibraries::contains).forEach(needs::add);
            }
            text.append(library ? "library" : "file").append('\t')
                    .append(output.target().name()).append('\t')
                    .append(output.file().getFileName()).append('\t')
                    .append(output.facts().get("sha256")).append('\t')
                    .append(String.join(",", needs)).append('\n');
        }
        return text.toString();
    }

    /** {@code classifiers.txt}: one classifier per line, sorted. */
    public static String classifiers(Set<String> classifiers) {
        StringBuilder text = new StringBuilder();
        new TreeSet<>(classifiers).forEach(c -> text.append(c).append('\n'));
        return text.toString();
    }
}
