package dev.crossbuild.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;

/** A mojo log that keeps what was logged at info and warn level (and still prints it) so tests can assert on it. */
final class RecordingLog extends SystemStreamLog {

    private final List<String> info = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    @Override
    public void info(CharSequence content) {
        info.add(content.toString());
        super.info(content);
    }

    @Override
    public void warn(CharSequence content) {
        warnings.add(content.toString());
        super.warn(content);
    }

    List<String> info() {
        return List.copyOf(info);
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }
}
