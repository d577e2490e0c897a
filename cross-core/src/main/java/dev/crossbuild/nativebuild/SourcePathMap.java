package dev.crossbuild.nativebuild;

import dev.crossbuild.toolchain.CompilerId;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The folders whose absolute paths a compile must not bake into its object (debug information's file names and
 * compilation directory, {@code __FILE__}), each with what it becomes, so that the same sources built in two folders
 * give the same bytes:
 * <ul>
 *   <li>the module folder becomes {@code .} (the compilers run there, so a debugger started in the module folder
 *       finds the sources);
 *   <li>the build's root folder, when the module is inside it, the way up to it ({@code ..}), so sources of a sibling
 *       module ({@code ../common/src}) are relative too;
 *   <li>a build folder elsewhere (a {@code cross.directory} or JNI headers folder outside the module and the root)
 *       its own name; a private sysroot its own name (its key); the build JDK's {@code include} folder (JNI's
 *       {@code jni.h}) {@code jdk/include}. Folders inside the module need no entry of their own: {@code target/cross/<classifier>/
 *       generated}, {@code jni-include} and {@code target/generated-sources/cross-jni} are all under it.
 * </ul>
 *
 * <p>As compiler arguments: {@code -ffile-prefix-map=<folder>=<replacement>} for gcc 8 and clang 10 or later (debug
 * information and {@code __FILE__}), else {@code -fdebug-prefix-map=} (debug information only); nothing for a
 * compiler that is neither gcc nor clang. Broader folders come first: gcc lets the last matching option win, clang 14
 * tries the longest folder first, so a folder inside another is mapped by its own entry with both. A folder whose path
 * holds {@code =} cannot be written as such an option and is left out, and so is the file system's root.
 */
public final class SourcePathMap {

    /** No mapping: the compilers write absolute paths, as they do by default. */
    public static final SourcePathMap NONE = new SourcePathMap(Map.of());

    private final Map<Path, String> replacements;

    private SourcePathMap(Map<Path, String> replacements) {
        this.replacements = replacements;
    }

    /** The module folder as {@code .}, and each of {@code buildFolders} outside it as its own name. */
    public static SourcePathMap of(Path moduleDirectory, List<Path> buildFolders) {
        return of(moduleDirectory, moduleDirectory, buildFolders);
    }

    /**
     * @param moduleDirectory where the compilers run: {@code .}
     * @param rootDirectory the build's root folder (a multi-module build's top folder): the way up to it, when the
     *     module is inside it
     * @param buildFolders folders outside both whose files the compiles read (the cross folder, the JNI headers
     *     folder): each its own name
     */
    public static SourcePathMap of(Path moduleDirectory, Path rootDirectory, List<Path> buildFolders) {
        Path module = moduleDirectory.toAbsolutePath().normalize();
        Path root = rootDirectory.toAbsolutePath().normalize();
        Map<Path, String> replacements = new LinkedHashMap<>();
        replacements.put(module, ".");
        boolean rootMapped = !root.equals(module) && module.startsWith(root) && root.getNameCount() > 0;
        if (rootMapped) {
            replacements.put(root, SourceSet.slashes(module.relativize(root)));
        }
        for (Path folder : buildFolders) {
            Path absolute = folder.toAbsolutePath().normalize();
            boolean covered = absolute.startsWith(module) || rootMapped && absolute.startsWith(root);
            if (!covered && absolute.getFileName() != null) {
                replacements.putIfAbsent(absolute, absolute.getFileName().toString());
            }
        }
        return sorted(replacements);
    }

    /**
     * {@code replacements} broadest first, without the folders no option can name: the file system's root, and a path
     * holding {@code =}.
     */
    private static SourcePathMap sorted(Map<Path, String> replacements) {
        List<Path> ordered = new ArrayList<>(replacements.keySet());
        ordered.sort(BROADEST_FIRST);
        Map<Path, String> sorted = new LinkedHashMap<>();
        for (Path path : ordered) {
            if (path.getNameCount() > 0 && !path.toString().contains("=")) {
                sorted.put(path, replacements.get(path));
            }
        }
        return new SourcePathMap(Collections.unmodifiableMap(sorted));
    }

    // A class, not Comparator.comparingInt(...).thenComparing(...): linking those lambdas costs more than the rest of
    // this in the fresh JVM of a no-op build.
    private static final Comparator<Path> BROADEST_FIRST = new Comparator<>() {
        @Override
        public int compare(Path a, Path b) {
            int byDepth = Integer.compare(a.getNameCount(), b.getNameCount());
            return byDepth != 0 ? byDepth : a.toString().compareTo(b.toString());
        }
    };

    /**
     * This map and {@code folder} (a private sysroot in the user's cache: its headers' paths reach the debug
     * information through {@code -isystem}) as its own name, unless a folder of this map holds it already. No mapping
     * stays none.
     */
    public SourcePathMap with(Optional<Path> folder) {
        if (folder.isEmpty() || folder.get().toAbsolutePath().normalize().getFileName() == null) {
            return this; // nothing, or the file system's root: never mapped
        }
        return with(folder.get(), folder.get().toAbsolutePath().normalize().getFileName().toString());
    }

    /**
     * This map and {@code folder} as {@code name} (the build JDK's {@code include} folder as {@code jdk/include}: JDKs
     * live in other folders on other machines), unless a folder of this map holds it already. No mapping stays none.
     */
    public SourcePathMap with(Path folder, String name) {
        Path absolute = folder.toAbsolutePath().normalize();
        if (replacements.isEmpty() || absolute.getFileName() == null) {
            return this;
        }
        for (Path mapped : replacements.keySet()) {
            if (absolute.startsWith(mapped)) {
                return this;
            }
        }
        Map<Path, String> more = new LinkedHashMap<>(replacements);
        more.put(absolute, name);
        return sorted(more);
    }

    /** The folders and what each becomes, broadest first. */
    public Map<Path, String> replacements() {
        return replacements;
    }

    /** The compiler arguments for {@code compiler}, broadest folder first; none when it is neither gcc nor clang. */
    public List<String> arguments(CompilerId compiler) {
        Optional<String> option = option(compiler);
        if (option.isEmpty()) {
            return List.of();
        }
        List<String> arguments = new ArrayList<>();
        for (Map.Entry<Path, String> entry : replacements.entrySet()) {
            arguments.add(option.get() + entry.getKey() + "=" + entry.getValue());
        }
        return List.copyOf(arguments);
    }

    /**
     * {@code -ffile-prefix-map=} where the compiler has it (gcc 8, clang 10), else {@code -fdebug-prefix-map=}
     * (gcc 4.3, clang 3.8; also when the version is not a number).
     */
    private static Optional<String> option(CompilerId compiler) {
        int newest = compiler.isGcc() ? 8 : compiler.isClang() ? 10 : -1;
        if (newest < 0) {
            return Optional.empty();
        }
        Optional<Integer> major = compiler.majorVersion();
        return Optional.of(major.isPresent() && major.get() >= newest ? "-ffile-prefix-map=" : "-fdebug-prefix-map=");
    }
}
