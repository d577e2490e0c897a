package dev.crossbuild.hosts;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads the {@code cross.targets} entries: a comma separates host machines, {@code +} layers cross files within one
 * ({@code linux-arm64.ini+release.ini}), and {@code classifier=} in front names the target's classifier instead of the
 * derived one ({@code arm64-release=linux-arm64.ini+release.ini}).
 */
public final class HostTargets {

    /** What may become a folder name and a Maven classifier: no separators, no spaces, not starting with a dot. */
    private static final Pattern CLASSIFIER = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]*");

    private HostTargets() {
    }

    /**
     * @param entries as Maven binds them: each a {@code <target>} element, or a comma-separated list from the
     *     command line (split here too, so both forms read the same)
     * @throws HostTargetException an entry is empty, names no file, or has a classifier that is not a plain name
     */
    public static List<HostTarget> parse(List<String> entries) throws HostTargetException {
        List<HostTarget> targets = new ArrayList<>();
        for (String entry : entries) {
            for (String spec : entry.split(",", -1)) {
                String trimmed = spec.strip();
                if (trimmed.isEmpty()) {
                    if (entries.size() == 1 && entry.isBlank()) {
                        continue; // -Dcross.targets= : none given
                    }
                    throw new HostTargetException(entry, "cross.targets has an empty entry in '" + entry
                            + "'; separate targets with one comma, e.g. linux-arm64.ini,windows-x64.ini");
                }
                targets.add(parseOne(trimmed));
            }
        }
        return List.copyOf(targets);
    }

    private static HostTarget parseOne(String spec) throws HostTargetException {
        Optional<String> classifier = Optional.empty();
        String files = spec;
        int equals = spec.indexOf('=');
        if (equals >= 0) {
            String name = spec.substring(0, equals).strip();
            checkClassifier(name, spec);
            classifier = Optional.of(name);
            files = spec.substring(equals + 1);
        }
        List<String> crossFiles = new ArrayList<>();
        for (String file : files.split("\\+", -1)) {
            String trimmed = file.strip();
            if (trimmed.isEmpty()) {
                throw new HostTargetException(spec, "cross.targets entry '" + spec + "' has an empty cross file name; "
                        + "layer files with one '+', e.g. linux-arm64.ini+release.ini");
            }
            crossFiles.add(trimmed);
        }
        return new HostTarget(spec, crossFiles, classifier);
    }

    /**
     * A classifier becomes a folder under {@code target/cross/} and part of a jar's name: a plain name only.
     *
     * @param where the entry or parameter it came from, for the message
     */
    public static void checkClassifier(String classifier, String where) throws HostTargetException {
        if (!CLASSIFIER.matcher(classifier).matches()) {
            throw new HostTargetException(classifier, "classifier '" + classifier + "' (in '" + where + "') must be "
                    + "a plain name: letters, digits, '_', '-' and '.', not starting with '.'; it names a folder under "
                    + "target/cross/ and the attached jar");
        }
    }
}
