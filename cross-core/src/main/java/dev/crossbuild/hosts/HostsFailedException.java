package dev.crossbuild.hosts;

import dev.crossbuild.error.CrossException;
import java.util.List;
import java.util.Map;

/**
 * Some of the host machines of one build failed; the others finished. Names every failed one with its error (and the
 * error's remedy, when it is a {@link CrossException} whose message does not say it).
 */
public final class HostsFailedException extends CrossException {

    private static final long serialVersionUID = 1L;

    private final List<String> failed;

    HostsFailedException(Map<String, Throwable> failures, int count) {
        super(message(failures, count), String.join(", ", failures.keySet()), null);
        this.failed = List.copyOf(failures.keySet());
    }

    /** The classifiers of the targets that failed, in the build's order. */
    public List<String> failed() {
        return failed;
    }

    private static String message(Map<String, Throwable> failures, int count) {
        StringBuilder message = new StringBuilder();
        message.append(failures.size()).append(" of ").append(count).append(" targets failed (")
                .append(String.join(", ", failures.keySet())).append("); the others finished:");
        failures.forEach((classifier, error) -> {
            String text = String.valueOf(error.getMessage());
            if (error instanceof CrossException cross && cross.remedy().isPresent()
                    && !text.contains(cross.remedy().get())) {
                text += "\n" + cross.remedy().get(); // as a single target's failure shows it
            }
            message.append("\n[").append(classifier).append("] ").append(text.replace("\n", "\n[" + classifier + "] "));
        });
        return message.toString();
    }
}
