package dev.crossbuild.jni;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Compiles sample sources with the JDK's javac, optionally with {@code -h}, for comparison with our headers. */
final class Javac {

    private Javac() {
    }

    /** Writes the sources (path relative to the source root -> text) under {@code root/src} and returns their paths. */
    static List<Path> writeSources(Path root, Map<String, String> sources) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = root.resolve("src").resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue(), StandardCharsets.UTF_8);
            files.add(file);
        }
        return files;
    }

    /**
     * Compiles into {@code classes}; with {@code headers} present, javac also writes its JNI headers there.
     * {@code options} come first (e.g. a class path).
     */
    static void compile(List<Path> sources, Path classes, Path headers, List<String> options) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> args = new ArrayList<>(options);
        args.addAll(List.of("-d", classes.toString(), "-encoding", "UTF-8", "-proc:none", "-Xlint:none"));
        if (headers != null) {
            args.addAll(List.of("-h", headers.toString()));
        }
        sources.forEach(s -> args.add(s.toString()));
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        int status = javac.run(null, messages, messages, args.toArray(new String[0]));
        assertTrue(status == 0, () -> "javac failed: " + messages.toString(StandardCharsets.UTF_8));
    }

    /** The files of a folder by name; CRLF (javac on Windows) read as LF, the line end our writer uses. */
    static Map<String, String> files(Path dir) {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> list = Files.list(dir)) {
            for (Path file : list.sorted().toList()) {
                files.put(file.getFileName().toString(),
                        Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }
}
