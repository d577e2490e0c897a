package dev.crossbuild.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two JVMs with eight threads each load the same real library, which needs another, at the same moment, into one
 * empty cache folder.
 */
class ConcurrentLoadTest {

    private static final int JVMS = 2;
    private static final int THREADS = 8;

    @TempDir
    Path temp;

    @Test
    void sixteenThreadsInTwoJvmsLoadIntoOneEmptyCache() throws Exception {
        TestLibraries.requireGcc();
        String classifier = NativeLoader.classifier();
        Path built = temp.resolve("built");
        TestLibraries.compile(built, "dep", "demo");
        ClassPathRoot root = new ClassPathRoot(temp.resolve("root")).classifiers(classifier);
        root.file(classifier, "libdep.so", Files.readAllBytes(built.resolve("libdep.so")));
        root.file(classifier, "libdemo.so", Files.readAllBytes(built.resolve("libdemo.so")));
        String depLine = root.libraryLine(classifier, "dep", "libdep.so", "");
        String demoLine = root.libraryLine(classifier, "demo", "libdemo.so", "dep");
        root.index(classifier, depLine, demoLine);
        Path cache = Files.createDirectory(temp.resolve("cache"));
        Path markers = temp.resolve("markers.txt");
        Path go = temp.resolve("go");

        List<Process> jvms = new ArrayList<Process>();
        for (int i = 0; i < JVMS; i++) {
            jvms.add(startJvm(root.root, cache, markers, temp.resolve("ready-" + i), go, temp.resolve("out-" + i)));
        }
        for (int i = 0; i < JVMS; i++) {
            awaitFile(temp.resolve("ready-" + i), jvms.get(i), temp.resolve("out-" + i));
        }
        Files.createFile(go);

        List<String> pids = new ArrayList<String>();
        for (int i = 0; i < JVMS; i++) {
            Process jvm = jvms.get(i);
            String out = "JVM " + i + ":\n" + awaitExit(jvm, temp.resolve("out-" + i));
            assertEquals(0, jvm.exitValue(), out);
            assertTrue(out.contains("loaded " + THREADS), out);
            pids.add(out.replaceAll("(?s).*pid (\\d+).*", "$1"));
        }

        // Each JVM ran both libraries' constructors once, dep's first, and demo called into dep.
        List<String> lines = Files.readAllLines(markers, StandardCharsets.UTF_8);
        for (String pid : pids) {
            List<String> own = lines.stream().filter(line -> line.split(" ")[1].equals(pid))
                    .collect(Collectors.toList());
            assertEquals(Arrays.asList("dep " + pid + " 0", "demo " + pid + " 42"), own, lines.toString());
        }
        assertEquals(2 * JVMS, lines.size(), lines.toString());

        // Exactly the two final files: no temporary file, no probe, nothing else.
        assertEquals(new TreeSet<String>(Arrays.asList(
                        depLine.split("\t")[3] + "/libdep.so", demoLine.split("\t")[3] + "/libdemo.so")),
                TestFiles.filesUnder(cache));
    }

    private Process startJvm(Path root, Path cache, Path markers, Path ready, Path go, Path out) throws Exception {
        String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", ConcurrentLoadMain.classPath(),
                "-D" + CacheDirectory.PROPERTY + "=" + cache, ConcurrentLoadMain.class.getName(),
                root.toString(), ready.toString(), go.toString(), String.valueOf(THREADS));
        builder.environment().put(TestLibraries.MARKERS, markers.toString());
        return builder.redirectErrorStream(true).redirectOutput(out.toFile()).start();
    }

    private static void awaitFile(Path file, Process jvm, Path out) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(file)) {
            if (!jvm.isAlive() || System.nanoTime() > deadline) {
                jvm.destroyForcibly();
                throw new AssertionError("no " + file.getFileName() + "; output:\n" + read(out));
            }
            Thread.sleep(5);
        }
    }

    private static String awaitExit(Process jvm, Path out) throws Exception {
        if (!jvm.waitFor(120, TimeUnit.SECONDS)) {
            jvm.destroyForcibly();
            throw new AssertionError("the JVM did not finish within 120 s; output:\n" + read(out));
        }
        return read(out);
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8) : "";
    }
}
