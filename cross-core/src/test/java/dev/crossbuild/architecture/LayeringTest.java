package dev.crossbuild.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package rules of ARCHITECTURE.md, checked on the sources: core never imports Maven or Plexus, and each core
 * package imports only the packages below it. A violation names the file and the import.
 */
class LayeringTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/crossbuild");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)\\.[\\w*]+;", Pattern.MULTILINE);

    private static final Set<String> FOLDER_CONVENTIONS = Set.of("build", "test", "target", "out", "bin", "tmp");

    /** The root of user-fixable errors: every package may throw a subclass. */
    private static final String EVERYONE_MAY_IMPORT = "error";

    /** Which core packages each package may import (itself always allowed). */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("error", Set.of()),
            Map.entry("json", Set.of()),
            Map.entry("io", Set.of()),
            Map.entry("exec", Set.of()),
            Map.entry("binary", Set.of()),
            Map.entry("jni", Set.of("io")),
            Map.entry("machine", Set.of("exec")),
            Map.entry("crossfile", Set.of("machine", "exec", "io", "json")),
            Map.entry("toolchain", Set.of("machine", "crossfile", "exec", "io", "json", "binary")),
            Map.entry("checks", Set.of("machine", "crossfile", "toolchain", "exec", "io", "json")),
            Map.entry("nativebuild", Set.of("machine", "crossfile", "toolchain", "exec", "io", "json", "binary",
                    "jni")),
            Map.entry("nativetest", Set.of("machine", "crossfile", "toolchain", "nativebuild", "exec", "io", "json",
                    "binary")),
            Map.entry("report", Set.of("machine", "crossfile", "toolchain", "checks", "json")),
            Map.entry("sysroot", Set.of("machine", "exec", "io", "json")),
            Map.entry("setup", Set.of("machine", "crossfile", "toolchain", "checks", "nativebuild", "nativetest",
                    "sysroot", "exec", "io", "json", "binary", "jni")),
            Map.entry("hosts", Set.of("machine", "crossfile", "exec")),
            Map.entry("cli", Set.of("machine", "crossfile", "toolchain", "checks", "nativebuild", "setup",
                    "nativetest", "sysroot", "exec", "io", "json", "binary", "jni")));

    @Test
    void coreNeverImportsMavenOrPlexus() {
        List<String> violations = new ArrayList<>();
        forEachImport((file, imported) -> {
            if (imported.startsWith("org.apache.maven") || imported.startsWith("org.codehaus.plexus")) {
                violations.add(file + " imports " + imported);
            }
        });
        assertEquals(List.of(), violations);
    }

    @Test
    void packagesImportOnlyTheLayersBelowThem() {
        List<String> violations = new ArrayList<>();
        forEachImport((file, imported) -> {
            String from = topPackage(SOURCES.relativize(file).toString().replace('\\', '/'));
            if (!imported.startsWith("dev.crossbuild.")) {
                return;
            }
            String to = imported.substring("dev.crossbuild.".length()).split("\\.")[0];
            Set<String> allowed = ALLOWED.get(from);
            if (allowed == null) {
                violations.add(file + ": package '" + from + "' is not in the layering table of LayeringTest");
            } else if (!to.equals(from) && !allowed.contains(to) && !to.equals(EVERYONE_MAY_IMPORT)) {
                violations.add(file + " (" + from + ") imports " + imported + " (" + to + ")");
            }
        });
        assertEquals(List.of(), violations);
    }

    /** Tools and global gitignores take folders named build/ or test/ for build output or test code. */
    @Test
    void noPackageNameReadsAsAFolderConvention() throws IOException {
        List<String> clashes = new ArrayList<>();
        for (Path root : List.of(SOURCES, Path.of("src/test/java/dev/crossbuild"))) {
            try (Stream<Path> folders = Files.walk(root)) {
                folders.filter(Files::isDirectory).map(f -> f.getFileName().toString())
                        .filter(name -> FOLDER_CONVENTIONS.contains(name))
                        .forEach(name -> clashes.add(root + ": package " + name));
            }
        }
        assertEquals(List.of(), clashes);
    }

    @Test
    void theCheckSeesTheSources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            assertTrue(files.anyMatch(f -> f.toString().endsWith(".java")), "no sources under " + SOURCES.toAbsolutePath());
        }
    }

    private static String topPackage(String relative) {
        return relative.contains("/") ? relative.substring(0, relative.indexOf('/')) : "";
    }

    private interface ImportVisitor {
        void visit(Path file, String importedPackage);
    }

    private static void forEachImport(ImportVisitor visitor) {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(file -> {
                try {
                    Matcher m = IMPORT.matcher(Files.readString(file));
                    while (m.find()) {
                        visitor.visit(file, m.group(1));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
