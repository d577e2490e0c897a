package dev.crossbuild.jni;

import dev.crossbuild.io.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The include directories that make {@code #include <jni.h>} work for the host machine: our {@code jni_md.h} for
 * the host system first, then the build JDK's {@code include} folder for {@code jni.h}. The JDK's own system folder
 * ({@code include/linux}, {@code include/win32}) is never on the path: it describes the build machine, which in a
 * cross build is the wrong one. {@code jni.h} includes {@code "jni_md.h"} with quotes; its own folder has none, so
 * the compiler takes ours from the first directory.
 */
public final class JniIncludes {

    /** The file we write into the output directory. */
    public static final String MD_HEADER = "jni_md.h";

    private JniIncludes() {
    }

    /**
     * Writes {@code jni_md.h} for {@code mesonSystem} into {@code outputDir} (only when its content changed, so that
     * objects depending on it stay up to date) and returns {@code [outputDir, <javaHome>/include]}: the JDK's folder
     * last, where the compile takes it from to map it in debug information.
     *
     * @param javaHome the JDK that runs the build ({@code java.home} or {@code JAVA_HOME})
     */
    public static List<Path> prepare(Path javaHome, String mesonSystem, Path outputDir)
            throws IOException, JniException {
        Path jdkInclude = jdkInclude(javaHome);
        byte[] header = JniHeaders.requireMdHeader(mesonSystem).getBytes(StandardCharsets.UTF_8);
        Path target = outputDir.resolve(MD_HEADER);
        AtomicFiles.writeIfChanged(target, header);
        return List.of(outputDir, jdkInclude);
    }

    /** The JDK's {@code include} folder holding {@code jni.h}. */
    static Path jdkInclude(Path javaHome) throws JdkHeadersNotFoundException {
        Path include = javaHome.resolve("include");
        if (Files.isRegularFile(include.resolve("jni.h"))) {
            return include;
        }
        // A Java 8 JDK's java.home is its jre folder; the headers sit beside it.
        Path parent = javaHome.toAbsolutePath().getParent();
        if (javaHome.endsWith("jre") && parent != null && Files.isRegularFile(parent.resolve("include/jni.h"))) {
            return parent.resolve("include");
        }
        throw new JdkHeadersNotFoundException(javaHome, include.resolve("jni.h"));
    }
}
