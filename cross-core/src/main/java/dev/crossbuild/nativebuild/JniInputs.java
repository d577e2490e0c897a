package dev.crossbuild.nativebuild;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What JNI targets need from the Java side: the compiled classes (their native methods become headers), the compile
 * class path (to resolve the types they use), the JDK whose {@code include/jni.h} is used, and the folder the
 * generated headers go to ({@code target/generated-sources/cross-jni}).
 */
public record JniInputs(Path classesDirectory, List<Path> classpath, Path javaHome, Path headersDirectory) {

    public JniInputs {
        Objects.requireNonNull(classesDirectory, "classesDirectory");
        classpath = List.copyOf(classpath);
        Objects.requireNonNull(javaHome, "javaHome");
        Objects.requireNonNull(headersDirectory, "headersDirectory");
    }
}
