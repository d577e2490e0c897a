package dev.crossbuild.hosts;

import dev.crossbuild.crossfile.CrossFileException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The classifier of each host machine of a build, decided before any of them is set up, so that parallel setups never
 * write into the same {@code target/cross/<classifier>/}: the one given ({@code name=files}), else the derived name of
 * the host machine the target's cross files describe (with {@code -musl} for a musl machine).
 */
public final class HostClassifiers {

    /**
     * Reads a target's cross files (without writing anything) and returns the derived classifier of its host machine
     * ({@code CrossEnvironment.hostClassifier()}: {@code linux-aarch_64}, {@code linux-aarch_64-musl}).
     */
    @FunctionalInterface
    public interface HostReader {
        String classifier(HostTarget target) throws CrossFileException;
    }

    private HostClassifiers() {
    }

    /**
     * @return one classifier per target, in order
     * @throws HostTargetException two targets would share a classifier
     */
    public static List<String> assign(List<HostTarget> targets, HostReader reader)
            throws HostTargetException, CrossFileException {
        List<String> classifiers = new ArrayList<>();
        Map<String, HostTarget> seen = new HashMap<>();
        for (HostTarget target : targets) {
            String classifier = target.classifier().isPresent() ? target.classifier().get()
                    : reader.classifier(target);
            HostTargets.checkClassifier(classifier, target.spec());
            HostTarget previous = seen.putIfAbsent(classifier, target);
            if (previous != null) {
                throw new HostTargetException(classifier, "cross.targets entries '" + previous.spec() + "' and '"
                        + target.spec() + "' are both for classifier " + classifier + "; build each host machine once, "
                        + "or name one: other-name=" + target.spec());
            }
            classifiers.add(classifier);
        }
        return List.copyOf(classifiers);
    }
}
