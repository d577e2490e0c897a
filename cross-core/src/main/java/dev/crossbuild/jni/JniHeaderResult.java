package dev.crossbuild.jni;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link JniHeaderWriter#write} did: headers written because they are new or changed, headers left alone
 * because their content is the same (so their timestamps keep dependent objects up to date), and headers of
 * classes that no longer have native methods, deleted.
 */
public record JniHeaderResult(List<Path> written, List<Path> unchanged, List<Path> removed, List<String> warnings) {

    public JniHeaderResult {
        written = List.copyOf(written);
        unchanged = List.copyOf(unchanged);
        removed = List.copyOf(removed);
        warnings = List.copyOf(warnings);
    }
}
