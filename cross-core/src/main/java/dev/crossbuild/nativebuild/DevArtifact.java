package dev.crossbuild.nativebuild;

import dev.crossbuild.io.AtomicFiles;
import dev.crossbuild.json.Json;
import dev.crossbuild.machine.Machine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The development artifact of one classifier, what another module builds against (its {@code <nativeDependencies>}):
 * a zip attached with the classifier {@code <classifier>-dev}, holding
 * <ul>
 *   <li>{@code include/}: the tree of the module's {@code <publicHeaders>} folder;</li>
 *   <li>its libraries where native-link put them: {@code lib/} (shared libraries with their MinGW import libraries,
 *       static archives) and, on Windows, {@code bin/} (the DLLs); a versioned library once, under its real name
 *       ({@code lib/libcodec.so.1.2.0}), its links ({@code libcodec.so.1}, {@code libcodec.so}) listed in the
 *       manifest, since a zip entry cannot be a symbolic link;</li>
 *   <li>{@code lib/pkgconfig/<name>.pc} per library ({@link PkgConfigFile}): relocatable
 *       ({@code prefix=${pcfiledir}/../..}), {@code Requires} its own {@code <dependencies>},
 *       {@code Libs.private} the module's libraries a static library needs;</li>
 *   <li>{@code cross-dev.json} ({@link DevManifest}).</li>
 * </ul>
 * Reproducible as the jars are: entries sorted, every time stamp fixed; written atomically.
 */
public final class DevArtifact {

    /** What a development artifact's classifier adds to the host's: {@code linux-aarch_64-dev}. */
    public static final String CLASSIFIER_SUFFIX = "-dev";
    /** The artifact's type and extension. */
    public static final String TYPE = "zip";

    /**
     * What goes in: the module's coordinates ({@code groupId:artifactId:version}) and version (the {@code .pc} files'
     * {@code Version}), the host's classifier, the public headers folder, and the libraries native-link made in
     * {@code layout} for {@code host} (executables among {@code outputs} are left out).
     */
    public record Request(String coordinates, String version, String classifier, Optional<Path> publicHeaders,
                          BuildLayout layout, Machine host, List<LinkedOutput> outputs) {
        public Request {
            Objects.requireNonNull(coordinates, "coordinates");
            Objects.requireNonNull(version, "version");
            Objects.requireNonNull(classifier, "classifier");
            Objects.requireNonNull(publicHeaders, "publicHeaders");
            Objects.requireNonNull(layout, "layout");
            Objects.requireNonNull(host, "host");
            outputs = List.copyOf(outputs);
        }
    }

    private DevArtifact() {
    }

    /** {@code <classifier>-dev}. */
    public static String classifier(String hostClassifier) {
        return hostClassifier + CLASSIFIER_SUFFIX;
    }

    /**
     * Writes the artifact to {@code zip}.
     *
     * @return its manifest
     * @throws NativeDependencyException when the public headers folder is not a folder
     */
    public static DevManifest write(Path zip, Request request) throws IOException, NativeDependencyException {
        Map<String, Object> entries = new TreeMap<>();
        boolean headers = false;
        if (request.publicHeaders().isPresent()) {
            Path folder = request.publicHeaders().get();
            if (!Files.isDirectory(folder)) {
                throw new NativeDependencyException("<publicHeaders> " + folder + " is not a folder", folder.toString(),
                        "Point <publicHeaders> (cross.publicHeaders) at the folder whose tree of headers other "
                                + "modules include, e.g. src/main/include.");
            }
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : (Iterable<Path>) files::iterator) { // entries is sorted
                    if (Files.isRegularFile(file)) {
                        put(entries, "include/" + folder.relativize(file).toString().replace('\\', '/'), file);
                        headers = true;
                    }
                }
            }
        }
        List<DevLibrary> libraries = new ArrayList<>();
        Map<String, List<LinkedOutput>> byName = new LinkedHashMap<>();
        for (LinkedOutput output : request.outputs()) {
            if (output.target().isLibrary()) {
                byName.computeIfAbsent(output.target().name(), name -> new ArrayList<>()).add(output);
            }
        }
        Machine host = request.host();
        BuildLayout layout = request.layout();
        for (Map.Entry<String, List<LinkedOutput>> library : byName.entrySet()) {
            for (LinkedOutput output : library.getValue()) {
                NativeTarget target = output.target();
                String file = entry(layout, output.file());
                put(entries, file, output.file());
                Optional<String> importLibrary = Optional.empty();
                Optional<Path> importPath = OutputNames.importLibraryPath(layout, host, target);
                if (importPath.isPresent() && Files.isRegularFile(importPath.get())) {
                    importLibrary = Optional.of(entry(layout, importPath.get()));
                    put(entries, importLibrary.get(), importPath.get());
                }
                libraries.add(new DevLibrary(target.name(), target.kind(), file, output.runtimeName(),
                        OutputNames.aliases(host, target), importLibrary, target.name()));
            }
            String pc = PkgConfigFile.text(library.getKey(), request, library.getValue(), byName, headers);
            put(entries, "lib/pkgconfig/" + library.getKey() + ".pc", pc.getBytes(StandardCharsets.UTF_8));
        }
        DevManifest manifest = new DevManifest(request.coordinates(), request.classifier(), headers, libraries);
        put(entries, DevManifest.FILE, (Json.write(manifest.toJson()) + "\n").getBytes(StandardCharsets.UTF_8));
        // The folders first, then the files by name; left alone when it holds these entries already, so a no-op build
        // compresses nothing.
        Map<String, byte[]> contents = new LinkedHashMap<>();
        for (String directory : directories(entries.keySet())) {
            contents.put(directory, null);
        }
        for (Map.Entry<String, Object> entry : entries.entrySet()) {
            contents.put(entry.getKey(), entry.getValue() instanceof Path file ? Files.readAllBytes(file)
                    : (byte[]) entry.getValue());
        }
        Optional<byte[]> bytes = ZipContents.unlessHeld(zip, contents, false);
        if (bytes.isPresent()) {
            AtomicFiles.write(zip, bytes.get());
        }
        return manifest;
    }

    /**
     * Checks that {@code name} is a relative path inside an artifact: {@code /}-separated, no empty, {@code .} or
     * {@code ..} part, no backslash or drive.
     *
     * @throws IllegalArgumentException when it is not
     */
    static void checkEntry(String name) {
        if (name == null || name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.contains(":")) {
            throw new IllegalArgumentException("'" + name + "' is not a relative path inside the artifact");
        }
        for (String part : name.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                throw new IllegalArgumentException("'" + name + "' is not a relative path inside the artifact");
            }
        }
    }

    /** {@code lib/libcodec.so.1.2.0}: a file of the layout, as the artifact names it. */
    private static String entry(BuildLayout layout, Path file) {
        return layout.root().relativize(file.toAbsolutePath().normalize()).toString().replace('\\', '/');
    }

    private static void put(Map<String, Object> entries, String name, Object content) throws IOException {
        checkEntry(name);
        if (entries.put(name, content) != null) {
            throw new IOException("two files would both be " + name + " in the development artifact");
        }
    }

    /** Every folder above an entry, parents first. */
    private static List<String> directories(Iterable<String> names) {
        TreeMap<String, Boolean> folders = new TreeMap<>();
        for (String name : names) {
            int slash = name.indexOf('/');
            while (slash > 0) {
                folders.put(name.substring(0, slash + 1), true);
                slash = name.indexOf('/', slash + 1);
            }
        }
        return List.copyOf(folders.keySet());
    }
}
