package dev.crossbuild.testing;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a second JVM on the test class path: what a second build or a build that gets killed really is (file locks
 * are per process, and kill -9 skips every finally).
 */
public final class JavaProcesses {

    private JavaProcesses() {
    }

    /** {@code java -cp <this class path> <main> <args>}, its output going to {@code log}. */
    public static Process start(Class<?> main, Path log, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
