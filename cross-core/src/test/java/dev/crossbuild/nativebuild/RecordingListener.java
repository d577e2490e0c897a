package dev.crossbuild.nativebuild;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Keeps every line; {@link #compiled()} lists the paths of the progress lines, sorted. */
final class RecordingListener implements BuildListener {

    private static final Pattern PROGRESS = Pattern.compile("\\[(\\d+)/(\\d+)] (CC|CXX) (.+)");

    final List<String> info = Collections.synchronizedList(new ArrayList<>());
    final List<String> warn = Collections.synchronizedList(new ArrayList<>());
    /** Verbose mode: progress lines say why. */
    boolean explains;

    @Override
    public void info(String line) {
        info.add(line);
    }

    @Override
    public void warn(String line) {
        warn.add(line);
    }

    @Override
    public boolean explains() {
        return explains;
    }

    /** The sources of the progress lines ({@code CC src/main/c/a.c} -> {@code src/main/c/a.c}), sorted. */
    List<String> compiled() {
        List<String> paths = new ArrayList<>();
        synchronized (info) {
            for (String line : info) {
                Matcher m = PROGRESS.matcher(line);
                if (m.matches()) {
                    paths.add(m.group(4));
                }
            }
        }
        Collections.sort(paths);
        return paths;
    }

    void clear() {
        info.clear();
        warn.clear();
    }
}
