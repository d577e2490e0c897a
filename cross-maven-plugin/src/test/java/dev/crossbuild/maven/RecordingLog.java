package dev.crossbuild.maven;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;

/**
 * A mojo log that keeps what was logged at info and warn level (and still prints it) so tests can assert on it; with
 * {@link #withDebug()} also at debug level, as under Maven's -X.
 */
final class RecordingLog extends SystemStreamLog {

    // Synchronized: compile logs from its worker threads.
    private final List<String> debug = Collections.synchronizedList(new ArrayList<>());
    private final List<String> info = Collections.synchronizedList(new ArrayList<>());
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    private boolean debugEnabled;

    /** This log with debug level on, as under Maven's -X. */
    RecordingLog withDebug() {
        debugEnabled = true;
        return this;
    }

    @Override
    public boolean isDebugEnabled() {
        return debugEnabled;
    }

    @Override
    public void debug(CharSequence content) {
        if (debugEnabled) {
            debug.add(content.toString());
        }
    }

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

    List<String> debug() {
        return List.copyOf(debug);
    }

    List<String> info() {
        return List.copyOf(info);
    }

    List<String> warnings() {
        return List.copyOf(warnings);
    }
}
