package dev.crossbuild.nativebuild;

import dev.crossbuild.toolchain.Language;
import java.io.IOException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
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
     * The target's sources, each with the relative path its object is named after: its path in its folder, or, when
     * a source of another folder has that path too, under its folder's position and name ({@code 2-compress/util.c}).
     *
     * @throws SourceSetException when a source folder does not exist, or two sources still share a relative path (they
     *     would compile to the same object)
     */
    public static List<SourceFile> of(NativeTarget target) throws IOException, SourceSetException {
        return of(target, new HashMap<>());
    }

    /**
     * As {@link #of(NativeTarget)}, listing each folder once for all the calls that share {@code listings} (targets
     * of one module usually compile from the same folders).
     */
    static List<SourceFile> of(NativeTarget target, Map<Path, List<SourceFile>> listings)
            throws IOException, SourceSetException {
        List<Glob> includes = globs(target.includes());
        List<Glob> excludes = globs(target.excludes());
        List<SourceFile> kept = new ArrayList<>();
        List<Integer> folderOf = new ArrayList<>();
        Set<Path> seen = new HashSet<>();
        Map<String, Integer> sharing = new HashMap<>();
        List<Path> folders = target.sourceDirectories();
        for (int i = 0; i < folders.size(); i++) {
            Path root = folders.get(i).toAbsolutePath().normalize();
            if (!Files.isDirectory(root)) {
                throw SourceSetException.missingFolder(target, root);
            }
            for (SourceFile source : listing(root, listings)) {
                if (!kept(source, includes, excludes) || !seen.add(source.path())) {
                    continue; // nested or repeated folders: compile each file once
                }
                kept.add(source);
                folderOf.add(i);
                sharing.merge(source.relativeName(), 1, Integer::sum);
            }
        }
        // Sources of different folders with the same relative path (lib/common/util.c, lib/compress/util.c) would
        // compile to one object: theirs go under their folder's position and name (2-compress/util.c.o), as Meson
        // names objects by their whole path.
        List<SourceFile> sources = new ArrayList<>();
        Map<String, Path> byRelative = new HashMap<>();
        for (int i = 0; i < kept.size(); i++) {
            SourceFile source = kept.get(i);
            if (sharing.get(source.relativeName()) > 1) {
                Path folder = folders.get(folderOf.get(i)).toAbsolutePath().normalize();
                String prefix = (folderOf.get(i) + 1) + (folder.getFileName() == null ? "" : "-" + folder.getFileName());
                source = new SourceFile(source.path(), Path.of(prefix).resolve(source.relative()), source.language());
            }
            Path previous = byRelative.putIfAbsent(source.relativeName(), source.path());
            if (previous != null) {
                throw SourceSetException.sameObject(target, previous, source.path(), source.relativeName());
            }
            sources.add(source);
        }
        return List.copyOf(sources);
    }

    /**
     * The languages of the sources the targets compile, for setup to know which compilers it needs before anything is
     * built: each target's include and exclude globs apply (an unbuilt {@code contrib/*.cpp} asks for no C++
     * compiler). Folders that do not exist are passed over; the compile goal reports them. Each folder is listed once.
     */
    public static Set<Language> languages(List<NativeTarget> targets) throws IOException {
        Map<Path, List<SourceFile>> listings = new HashMap<>();
        Set<Language> languages = EnumSet.noneOf(Language.class);
        for (NativeTarget target : targets) {
            List<Glob> includes = globs(target.includes());
            List<Glob> excludes = globs(target.excludes());
            for (Path folder : target.sourceDirectories()) {
                Path root = folder.toAbsolutePath().normalize();
                if (!Files.isDirectory(root)) {
                    continue;
                }
                for (SourceFile source : listing(root, listings)) {
                    if (kept(source, includes, excludes)) {
                        languages.add(source.language());
                    }
                }
            }
        }
        return languages;
    }

    /** The languages of the sources one target compiles ({@link #languages(List)}). */
    public static Set<Language> languages(NativeTarget target) throws IOException {
        return languages(List.of(target));
    }

    private static List<Glob> globs(List<String> patterns) {
        List<Glob> globs = new ArrayList<>(patterns.size());
        for (String pattern : patterns) {
            globs.add(Glob.of(pattern));
        }
        return globs;
    }

    private static boolean kept(SourceFile source, List<Glob> includes, List<Glob> excludes) {
        String name = source.relativeName();
        return (includes.isEmpty() || matchesAny(includes, name)) && !matchesAny(excludes, name);
    }

    private static boolean matchesAny(List<Glob> globs, String name) {
        for (Glob glob : globs) {
            if (glob.matches(name)) {
                return true;
            }
        }
        return false;
    }

    private static List<SourceFile> listing(Path root, Map<Path, List<SourceFile>> listings) throws IOException {
        List<SourceFile> listed = listings.get(root);
        if (listed == null) {
            listed = list(root);
            listings.put(root, listed);
        }
        return listed;
    }

    /**
     * The languages of the C and C++ files below {@code folders} (all of them: no target's globs apply; the test
     * sources), by the same suffixes as the targets' sources. Folders that do not exist are passed over.
     */
    public static Set<Language> languagesIn(List<Path> folders) throws IOException {
        Set<Language> languages = EnumSet.noneOf(Language.class);
        for (Path folder : folders) {
            Path root = folder.toAbsolutePath().normalize();
            if (Files.isDirectory(root)) {
                for (SourceFile source : list(root)) {
                    languages.add(source.language());
                }
            }
        }
        return languages;
    }

    /**
     * Every C and C++ source below {@code root}, by relative path. Links are followed, to files and to folders (a
     * source folder that is a link to vendored sources, as Meson and make take it), each file under the path through
     * the link; a link back up the tree is passed over, not walked forever; a link that leads nowhere is no source.
     * A file visitor rather than {@code Files.walk}: the stream's machinery is what a no-op build spends most of this
     * on, in its fresh JVM.
     */
    private static List<SourceFile> list(Path root) throws IOException {
        List<SourceFile> found = new ArrayList<>();
        Files.walkFileTree(root, FOLLOW_LINKS, Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                Optional<Language> language = language(file);
                if (language.isPresent() && attributes.isRegularFile()) {
                    found.add(new SourceFile(file, root.relativize(file), language.get()));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof FileSystemLoopException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
        found.sort(BY_RELATIVE_NAME);
        return List.copyOf(found);
    }

    private static final Set<FileVisitOption> FOLLOW_LINKS = EnumSet.of(FileVisitOption.FOLLOW_LINKS);

    private static final Comparator<SourceFile> BY_RELATIVE_NAME = new Comparator<>() {
        @Override
        public int compare(SourceFile a, SourceFile b) {
            return a.relativeName().compareTo(b.relativeName());
        }
    };

    /**
     * The language of a file from its suffix; empty for headers and everything else. Assembly ({@code .S} and
     * {@code .sx} through the C preprocessor, {@code .s} as it is) is the C compiler's to assemble, as in Meson: it
     * gets the C compiles' arguments.
     */
    public static Optional<Language> language(Path file) {
        String suffix = suffix(file);
        if (suffix.equals("c") || isAssembly(file)) {
            return Optional.of(Language.C);
        }
        return switch (suffix.toLowerCase(Locale.ROOT)) {
            case "cc", "cpp", "cxx" -> Optional.of(Language.CPP);
            default -> Optional.empty();
        };
    }

    /** Whether {@code file} is assembly ({@code .s}, {@code .S}, {@code .sx}), not C or C++. */
    public static boolean isAssembly(Path file) {
        String suffix = suffix(file);
        return suffix.equals("s") || suffix.equals("S") || suffix.equals("sx");
    }

    /**
     * Whether the compiler runs the preprocessor on {@code source}, and so writes a depfile of what it included: not
     * for {@code .s}, plain assembly, whose only input is itself.
     */
    public static boolean preprocessed(Path source) {
        return !suffix(source).equals("s");
    }

    private static String suffix(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? "" : name.substring(dot + 1);
    }

    static String slashes(Path relative) {
        return relative.toString().replace('\\', '/');
    }
}
