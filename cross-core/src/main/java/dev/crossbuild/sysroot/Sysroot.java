package dev.crossbuild.sysroot;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A private sysroot, unpacked and complete: its {@code root} folder, the Debian {@code architecture} and
 * {@code multiarch} folder names it was made for (for a musl machine, musl's tuple first:
 * {@code aarch64-linux-musl}, then glibc's), the packages asked for and every package unpacked (with versions), and
 * its cache {@code key}. The folders a build needs are those of these that exist.
 */
public record Sysroot(Path root, String architecture, List<String> multiarch, List<String> requested,
                      List<SysrootPackage> packages, String key) {

    /** The file in the root that describes it (written last before the folder is renamed into place). */
    public static final String MANIFEST = "cross-sysroot.json";

    public Sysroot {
        Objects.requireNonNull(root, "root");
        Objects.requireNonNull(architecture, "architecture");
        multiarch = List.copyOf(multiarch);
        requested = List.copyOf(requested);
        packages = List.copyOf(packages);
        Objects.requireNonNull(key, "key");
    }

    /** {@code usr/include/<multiarch>} and {@code usr/include}: for {@code -isystem}, in that order. */
    public List<Path> includeDirectories() {
        List<Path> folders = new ArrayList<>();
        multiarch.forEach(tuple -> folders.add(root.resolve("usr/include").resolve(tuple)));
        folders.add(root.resolve("usr/include"));
        return existing(folders);
    }

    /** {@code usr/lib/<multiarch>} and {@code lib/<multiarch>} (before merged /usr, libraries are in both). */
    public List<Path> libraryDirectories() {
        List<Path> folders = new ArrayList<>();
        for (String tuple : multiarch) {
            folders.add(root.resolve("usr/lib").resolve(tuple));
            folders.add(root.resolve("lib").resolve(tuple));
        }
        return existing(folders);
    }

    /** The folders of the sysroot's {@code .pc} files: {@code usr/lib/<multiarch>/pkgconfig}, {@code usr/share/pkgconfig}. */
    public List<Path> pkgConfigDirectories() {
        List<Path> folders = new ArrayList<>();
        multiarch.forEach(tuple -> folders.add(root.resolve("usr/lib").resolve(tuple).resolve("pkgconfig")));
        folders.add(root.resolve("usr/lib/pkgconfig"));
        folders.add(root.resolve("usr/share/pkgconfig"));
        return existing(folders);
    }

    /**
     * The library folder with C runtime start files ({@code Scrt1.o}, {@code crt1.o}), when the sysroot carries its own
     * C library (musl-dev does; glibc never comes from a sysroot): the compiler must take them from there
     * ({@code -B}).
     */
    public Optional<Path> startFileDirectory() {
        return libraryDirectories().stream()
                .filter(folder -> Files.isRegularFile(folder.resolve("Scrt1.o")) || Files.isRegularFile(folder.resolve("crt1.o")))
                .findFirst();
    }

    /**
     * The dynamic loader in the sysroot's {@code lib/} ({@code ld-musl-aarch64.so.1}), when it carries one: then
     * qemu-user must take its {@code -L} prefix from here.
     */
    public Optional<Path> dynamicLoader() {
        Path lib = root.resolve("lib");
        if (!Files.isDirectory(lib)) {
            return Optional.empty();
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(lib, "ld-*.so*")) {
            for (Path entry : entries) {
                if (Files.exists(entry)) {
                    return Optional.of(entry);
                }
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /** What {@code setup.json} records: path, architecture, the packages asked for and every package unpacked. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("path", root.toString());
        json.put("architecture", architecture);
        json.put("multiarch", multiarch);
        json.put("requested", requested);
        json.put("packages", packages.stream().map(SysrootPackage::toJson).toList());
        json.put("key", key);
        return json;
    }

    private static List<Path> existing(List<Path> folders) {
        return folders.stream().filter(Files::isDirectory).toList();
    }
}
