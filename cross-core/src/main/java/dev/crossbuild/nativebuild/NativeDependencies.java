package dev.crossbuild.nativebuild;

import dev.crossbuild.binary.Binaries;
import dev.crossbuild.binary.BinaryFile;
import dev.crossbuild.binary.BinaryFormatException;
import dev.crossbuild.binary.ElfFile;
import dev.crossbuild.binary.MachOFile;
import dev.crossbuild.binary.PeFile;
import dev.crossbuild.io.AtomicFiles;
import dev.crossbuild.io.FileTrees;
import dev.crossbuild.io.Folders;
import dev.crossbuild.io.Hashes;
import dev.crossbuild.json.JsonException;
import dev.crossbuild.json.JsonReader;
import dev.crossbuild.machine.Machine;
import dev.crossbuild.machine.OutputFormat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Native dependencies between modules, on the consumer's side.
 *
 * <p>{@link #unpack}: setup unpacks each development artifact the plugin resolved into
 * {@code target/cross/<classifier>/deps/<artifactId>/}, only when the artifact changed (its SHA-256 is kept in
 * {@code .cross-artifact} beside the files), and whole or not at all: into {@code deps/.unpack/} first, then renamed
 * into place. The links of versioned libraries are made again (symbolic, or copies where the file system has none).
 * Folders of dependencies no longer listed are removed.
 *
 * <p>{@link #withPacked}: native-link packs the dependencies' shared libraries that the module's outputs need
 * (their {@code DT_NEEDED} entries, DLL imports, load commands, and theirs in turn) into the jars with them, and
 * makes each output that needs one name it in the index's {@code needs}, so cross-runtime's loader loads it first.
 */
public final class NativeDependencies {

    /** The folder under {@code target/cross/<classifier>/} the dependencies are unpacked into. */
    public static final String FOLDER = "deps";
    static final String STAMP = ".cross-artifact";
    private static final String WORK = ".unpack";
    private static final String OLD = ".old";

    private NativeDependencies() {
    }

    /**
     * @param depsFolder {@code target/cross/<classifier>/deps}
     * @param classifier the consumer's classifier, which each artifact must have been made for
     * @return the unpacked dependencies, in the order given
     * @throws NativeDependencyException when two dependencies share an artifactId, or an artifact is damaged or made
     *     for another classifier
     */
    public static List<NativeDependency> unpack(Path depsFolder, String classifier, List<ResolvedDevArtifact> artifacts)
            throws NativeDependencyException, IOException {
        Map<String, ResolvedDevArtifact> byFolder = new LinkedHashMap<>();
        for (ResolvedDevArtifact artifact : artifacts) {
            ResolvedDevArtifact other = byFolder.put(artifact.artifactId(), artifact);
            if (other != null) {
                throw new NativeDependencyException("the native dependencies " + other.coordinates() + " and "
                        + artifact.coordinates() + " have the same artifactId, so both would be unpacked into "
                        + depsFolder.resolve(artifact.artifactId()), artifact.coordinates(),
                        "List each native dependency once in <nativeDependencies>.");
            }
        }
        List<NativeDependency> unpacked = new ArrayList<>();
        if (!artifacts.isEmpty()) {
            Folders.createOrExplain(depsFolder);
        }
        for (ResolvedDevArtifact artifact : artifacts) {
            unpacked.add(unpackOne(depsFolder, classifier, artifact));
        }
        if (Files.isDirectory(depsFolder)) {
            try (var entries = Files.list(depsFolder)) {
                for (Path entry : (Iterable<Path>) entries::iterator) {
                    if (!byFolder.containsKey(entry.getFileName().toString())) {
                        FileTrees.delete(entry); // a dependency no longer listed, or a killed build's work folder
                    }
                }
            }
        }
        return unpacked;
    }

    private static NativeDependency unpackOne(Path depsFolder, String classifier, ResolvedDevArtifact artifact)
            throws NativeDependencyException, IOException {
        if (!Files.isRegularFile(artifact.file())) {
            throw new NativeDependencyException("the development artifact of " + artifact.coordinates() + " for "
                    + classifier + " is not a file: " + artifact.file(), artifact.coordinates(),
                    "Build " + artifact.coordinates() + " again (mvn install in its module).");
        }
        Path folder = depsFolder.resolve(artifact.artifactId());
        Path stamp = folder.resolve(STAMP);
        // The stamp: the artifact's SHA-256, then the file it was taken from with its size and time, so that an
        // unchanged file (the usual build) is not read and hashed again.
        String[] recorded = Files.isRegularFile(stamp)
                ? Files.readString(stamp, StandardCharsets.UTF_8).strip().split(" ", 2) : new String[0];
        String source = fileStamp(artifact.file());
        String sha256 = recorded.length == 2 && recorded[1].equals(source) ? recorded[0]
                : Hashes.sha256(artifact.file());
        if (recorded.length > 0 && recorded[0].equals(sha256)) {
            AtomicFiles.writeStringIfChanged(stamp, sha256 + " " + source + "\n");
            DevManifest manifest = manifest(folder, artifact);
            return new NativeDependency(artifact.coordinates(), artifact.origin(), folder, sha256, manifest.headers(),
                    manifest.libraries());
        }
        Path work = depsFolder.resolve(WORK);
        FileTrees.delete(work);
        Folders.createOrExplain(work);
        extract(artifact, work);
        DevManifest manifest = manifest(work, artifact);
        if (!manifest.classifier().equals(classifier)) {
            throw new NativeDependencyException("the development artifact of " + artifact.coordinates() + " ("
                    + artifact.file() + ") was made for " + manifest.classifier() + ", not for " + classifier,
                    artifact.coordinates(), "Build " + artifact.coordinates() + " for " + classifier + " and install "
                            + "it again; its classifier " + DevArtifact.classifier(classifier) + " must hold the "
                            + classifier + " build.");
        }
        for (DevLibrary library : manifest.libraries()) {
            Path file = work.resolve(library.file());
            if (!Files.isRegularFile(file)) {
                throw damaged(artifact, "it lists " + library.file() + ", which it does not hold");
            }
            LibraryLinks.make(file, library.aliases());
        }
        AtomicFiles.writeString(work.resolve(STAMP), sha256 + " " + source + "\n");
        Path old = depsFolder.resolve(OLD);
        FileTrees.delete(old);
        if (Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            Files.move(folder, old);
        }
        Files.move(work, folder);
        FileTrees.delete(old);
        return new NativeDependency(artifact.coordinates(), artifact.origin(), folder, sha256, manifest.headers(),
                manifest.libraries());
    }

    private static void extract(ResolvedDevArtifact artifact, Path work) throws NativeDependencyException, IOException {
        try (ZipFile zip = new ZipFile(artifact.file().toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                String name = entry.getName();
                boolean directory = name.endsWith("/");
                String path = directory ? name.substring(0, name.length() - 1) : name;
                try {
                    DevArtifact.checkEntry(path);
                } catch (IllegalArgumentException e) {
                    throw damaged(artifact, "it holds the entry '" + name + "', which would land outside the folder");
                }
                Path target = work.resolve(path);
                if (directory) {
                    Folders.createOrExplain(target);
                    continue;
                }
                Folders.createOrExplain(target.getParent());
                try (InputStream in = zip.getInputStream(entry)) {
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (ZipException e) {
            throw damaged(artifact, "it is not a readable zip (" + e.getMessage() + ")");
        }
    }

    private static DevManifest manifest(Path folder, ResolvedDevArtifact artifact) throws NativeDependencyException,
            IOException {
        Path file = folder.resolve(DevManifest.FILE);
        if (!Files.isRegularFile(file)) {
            throw damaged(artifact, "it has no " + DevManifest.FILE + " (it was not made by cross's native-link)");
        }
        try {
            return DevManifest.fromJson(JsonReader.parseObject(Files.readString(file, StandardCharsets.UTF_8)));
        } catch (JsonException | IllegalArgumentException e) {
            throw damaged(artifact, "its " + DevManifest.FILE + " cannot be read: " + e.getMessage());
        }
    }

    /** {@code <size> <modified ms> <path>}: what says a file is unchanged without reading it. */
    private static String fileStamp(Path file) throws IOException {
        return Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis() + " " + file.toAbsolutePath();
    }

    private static NativeDependencyException damaged(ResolvedDevArtifact artifact, String problem) {
        return new NativeDependencyException("the development artifact of " + artifact.coordinates() + " ("
                + artifact.file() + ", from " + artifact.origin() + ") is damaged: " + problem, artifact.coordinates(),
                "Build and install " + artifact.coordinates() + " again with this version of cross.");
    }

    /**
     * The module's outputs and, before them, the dependencies' shared libraries those need, directly or through each
     * other: each as an output of its own (named as in its module, packed under its runtime name), and each output
     * that needs one with it among its {@code libraries}, so that {@link NativeIndex} lists it in {@code needs}.
     *
     * @throws NativeDependencyException when a needed library has the name of one of the module's, or of another
     *     dependency's
     */
    public static List<LinkedOutput> withPacked(Machine host, List<NativeDependency> dependencies,
                                                List<LinkedOutput> outputs) throws NativeDependencyException,
            IOException {
        if (dependencies.isEmpty()) {
            return outputs;
        }
        boolean ignoreCase = OutputFormat.of(host) == OutputFormat.PE;
        Map<String, Provided> byRuntimeName = new HashMap<>();
        for (NativeDependency dependency : dependencies) {
            for (DevLibrary library : dependency.libraries()) {
                if (library.shared()) {
                    byRuntimeName.putIfAbsent(key(library.runtimeName(), ignoreCase), new Provided(dependency, library));
                }
            }
        }
        Map<Provided, List<String>> needed = new LinkedHashMap<>();
        List<LinkedOutput> result = new ArrayList<>();
        List<LinkedOutput> own = new ArrayList<>();
        for (LinkedOutput output : outputs) {
            if (output.target().kind() == TargetKind.STATIC_LIBRARY) {
                own.add(output);
                continue;
            }
            List<Provided> direct = provided(output.file(), byRuntimeName, ignoreCase);
            List<String> names = direct.stream().map(p -> p.library().name()).distinct().toList();
            Deque<Provided> queue = new ArrayDeque<>(direct);
            while (!queue.isEmpty()) {
                Provided next = queue.removeFirst();
                if (!needed.containsKey(next)) {
                    List<Provided> theirs = provided(next.file(), byRuntimeName, ignoreCase);
                    needed.put(next, theirs.stream().map(p -> p.library().name()).distinct().toList());
                    queue.addAll(theirs);
                }
            }
            if (names.isEmpty()) {
                own.add(output);
            } else {
                Set<String> libraries = new LinkedHashSet<>(output.target().libraries());
                libraries.addAll(names);
                own.add(new LinkedOutput(output.target().toBuilder().libraries(List.copyOf(libraries)).build(),
                        output.file(), output.debugFile(), output.facts(), output.runtimeName()));
            }
        }
        Set<String> moduleLibraries = new HashSet<>();
        outputs.stream().filter(o -> o.target().isLibrary()).forEach(o -> moduleLibraries.add(o.target().name()));
        Map<String, Provided> packedNames = new HashMap<>();
        for (Map.Entry<Provided, List<String>> entry : needed.entrySet()) {
            Provided provided = entry.getKey();
            String name = provided.library().name();
            if (moduleLibraries.contains(name)) {
                throw new NativeDependencyException("the library " + name + " of the native dependency "
                        + provided.dependency().coordinates() + " is packed with this module's outputs, which have a "
                        + "library named " + name + " too; cross-runtime's index needs one name per library", name,
                        "Rename one of the two libraries (<library><name>).");
            }
            Provided other = packedNames.put(name, provided);
            if (other != null) {
                throw new NativeDependencyException("the native dependencies " + other.dependency().coordinates()
                        + " and " + provided.dependency().coordinates() + " both have a library named " + name
                        + ", and both are packed with this module's outputs", name,
                        "Rename one of the two libraries (<library><name>).");
            }
            NativeTarget target = NativeTarget.builder(name, TargetKind.SHARED_LIBRARY).libraries(entry.getValue())
                    .build();
            result.add(new LinkedOutput(target, provided.file(), Optional.empty(), Map.of(),
                    provided.library().runtimeName()));
        }
        result.addAll(own);
        return result;
    }

    /** A shared library of a dependency. */
    private record Provided(NativeDependency dependency, DevLibrary library) {
        Path file() {
            return dependency.file(library);
        }
    }

    /** The dependencies' libraries {@code binary} needs, in the order it names them. */
    private static List<Provided> provided(Path binary, Map<String, Provided> byRuntimeName, boolean ignoreCase)
            throws IOException {
        List<Provided> found = new ArrayList<>();
        for (String needed : needed(binary)) {
            Provided provided = byRuntimeName.get(key(fileName(needed), ignoreCase));
            if (provided != null && !found.contains(provided)) {
                found.add(provided);
            }
        }
        return found;
    }

    /** {@code DT_NEEDED}, the DLL imports, or the dylibs a Mach-O file loads. */
    private static List<String> needed(Path binary) throws IOException {
        BinaryFile file;
        try {
            file = Binaries.read(binary);
        } catch (BinaryFormatException e) {
            throw new IOException(binary + " cannot be read: " + e.problem(), e);
        }
        if (file instanceof ElfFile elf) {
            return elf.needed();
        }
        if (file instanceof PeFile pe) {
            return pe.imports();
        }
        if (file instanceof MachOFile macho && !macho.images().isEmpty()) {
            return macho.images().get(0).loadDylibs();
        }
        return List.of();
    }

    private static String fileName(String library) {
        int slash = Math.max(library.lastIndexOf('/'), library.lastIndexOf('\\'));
        return library.substring(slash + 1);
    }

    private static String key(String name, boolean ignoreCase) {
        return ignoreCase ? name.toLowerCase(Locale.ROOT) : name;
    }
}
