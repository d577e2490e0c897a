package dev.crossbuild.jni;

import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The JNI headers for a folder of classes, by file name, and what could not be decided exactly as javac would
 * (a class missing from the class path).
 */
public record GeneratedHeaders(SortedMap<String, String> files, List<String> warnings) {

    public GeneratedHeaders {
        files = Collections.unmodifiableSortedMap(new TreeMap<>(files));
        warnings = List.copyOf(warnings);
    }
}
