package dev.crossbuild.nativebuild;

import dev.crossbuild.toolchain.Language;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The C and C++ sources of a target: every file below each source folder whose suffix is {@code .c} (C) or
 * {@code .cc}, {@code .cpp}, {@code .cxx} (C++), kept when it matches one of the target's include globs (none: all)
 * and none of its exclude globs, both relative to the folder. The order is stable (folder order, then relative path
 * by code point), so plans, progress lines and the compilation database do not change from run to run.
 */
public final class SourceSet {

    private SourceSet() {
    }

    /**
     * @throws SourceSetException when a source folder does not exist, or two sources share a relative path (they
     *     would compile to the same object)
     */
    public static List<SourceFile> of(NativeTarget target) throws IOException, SourceSetException {
        List<Glob> includes = target.includes().stream().map(Glob::of).toList();
        List<Glob> excludes = target.excludes().stream().map(Glob::of).toList();
        List<SourceFile> sources = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        Map<String, Path> byRelative = new HashMap<>();
        for (Path folder : target.sourceDirectories()) {
            Path root = folder.toAbsolutePath().normalize();
            if (!Files.isDirectory(root)) {
                throw SourceSetException.missingFolder(target, root);
            }
            List<SourceFile> found = matching(root, includes, excludes);
            for (SourceFile source : found) {
                if (!seen.add(source.path())) {
                    continue; // nested or repeated folders: compile each file once
                }
                Path previous = byRelative.putIfAbsent(source.relativeName(), source.path());
                if (previous != null) {
                    throw SourceSetException.sameObject(target, previous, source.path(), source.relativeName());
                }
                sources.add(source);
            }
        }
        return List.copyOf(sources);
    }

    /**
     * The languages of the sources the target compiles, for setup to know which compilers it needs before anything is
     * built: its include and exclude globs apply (an unbuilt {@code contrib/*.cpp} asks for no C++ compiler). Folders
     * that do not exist are passed over; the compile goal reports them.
     */
    public static Set<Language> languages(NativeTarget target) throws IOException {
        List<Glob> includes = target.includes().stream().map(Glob::of).toList();
        List<Glob> excludes = target.excludes().stream().map(Glob::of).toList();
        Set<Language> languages = EnumSet.noneOf(Language.class);
        for (Path folder : target.sourceDirectories()) {
            Path root = folder.toAbsolutePath().normalize();
            if (Files.isDirectory(root)) {
                matching(root, includes, excludes).forEach(source -> languages.add(source.language()));
            }
        }
        return languages;
    }

    /** The sources below {@code root} that the globs keep, by relative path. */
    private static List<SourceFile> matching(Path root, List<Glob> includes, List<Glob> excludes) throws IOException {
        List<SourceFile> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Optional<Language> language = language(file);
                if (language.isEmpty() || !Files.isRegularFile(file)) {
                    continue;
                }
                Path relative = root.relativize(file);
                String name = slashes(relative);
                boolean included = includes.isEmpty() || includes.stream().anyMatch(g -> g.matches(name));
                if (included && excludes.stream().noneMatch(g -> g.matches(name))) {
                    found.add(new SourceFile(file, relative, language.get()));
                }
            }
        }
        found.sort(Comparator.comparing(SourceFile::relativeName));
        return found;
    }

    /** The language of a file from its suffix; empty for headers and everything else. */
    public static Optional<Language> language(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String suffix = name.substring(dot + 1);
        if (suffix.equals("c")) {
            return Optional.of(Language.C);
        }
        return switch (suffix.toLowerCase(Locale.ROOT)) {
            case "cc", "cpp", "cxx" -> Optional.of(Language.CPP);
            default -> Optional.empty();
        };
    }

    static String slashes(Path relative) {
        return relative.toString().replace('\\', '/');
    }
}
