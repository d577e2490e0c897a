package dev.crossbuild.sysroot;

import dev.crossbuild.exec.Command;
import dev.crossbuild.io.AtomicFiles;
import dev.crossbuild.io.Hashes;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A private apt package index for one Debian architecture and one set of archives, in its own folder of the cache
 * ({@code .apt/<arch>-<sources>/}): lists, downloaded-package folder, an empty dpkg status, and, for
 * {@code sysroot_sources}, its own {@code sources.list}. Every apt program runs with {@code -o} options that point
 * all of apt's state there and make {@code arch} the only architecture, so the build machine's apt and dpkg state are
 * never read or written, no multiarch is configured and no root is needed (what
 * {@code scripts/install-toolchains.sh --with-arm64-jre} does in shell). The build machine's trusted keys stay in
 * force: {@code apt-get update} verifies each archive's signed {@code InRelease} with them and refuses an archive it
 * cannot verify, insecure repositories are refused whatever apt.conf says, and downloads are checked against the
 * hashes of the signed index.
 */
final class AptIndex {

    private static final String UPDATED = "updated";

    private final Path folder;
    private final String architecture;
    private final List<String> sources;
    private final Optional<String> user;

    private AptIndex(Path folder, String architecture, List<String> sources, Optional<String> user) {
        this.folder = folder;
        this.architecture = architecture;
        this.sources = List.copyOf(sources);
        this.user = user;
    }

    /** The index of {@code architecture} and {@code sources} (empty: the build machine's) under {@code cache}. */
    static AptIndex in(Path cache, String architecture, List<String> sources, Optional<String> user) {
        String which = sources.isEmpty() ? "system" : Hashes.sha256(String.join("\n", sources)).substring(0, 12);
        return new AptIndex(cache.resolve(".apt").resolve(architecture + "-" + which), architecture, sources, user);
    }

    Path folder() {
        return folder;
    }

    /** Creates the folders and files apt expects. */
    void prepare() throws IOException {
        Files.createDirectories(folder.resolve("lists/partial"));
        Files.createDirectories(folder.resolve("archives/partial"));
        Files.createDirectories(folder.resolve("cache"));
        if (!Files.exists(folder.resolve("status"))) {
            Files.writeString(folder.resolve("status"), "");
        }
        if (!sources.isEmpty()) {
            Files.createDirectories(folder.resolve("sources.list.d"));
            // Only when it changes: a build with a warm cache writes nothing here.
            AtomicFiles.writeStringIfChanged(folder.resolve("sources.list"), String.join("\n", sources) + "\n");
        }
    }

    /** {@code program} (apt-get, apt-cache) with every option that makes it use this index, then {@code args}. */
    List<String> argv(String program, List<String> args) {
        List<String> argv = new ArrayList<>(List.of(program, "-q"));
        option(argv, "Dir::State::Lists", folder.resolve("lists").toString());
        option(argv, "Dir::State::status", folder.resolve("status").toString());
        option(argv, "Dir::Cache", folder.resolve("cache").toString());
        option(argv, "Dir::Cache::Archives", folder.resolve("archives").toString());
        option(argv, "Dir::Cache::pkgcache", folder.resolve("cache/pkgcache.bin").toString());
        option(argv, "Dir::Cache::srcpkgcache", folder.resolve("cache/srcpkgcache.bin").toString());
        if (!sources.isEmpty()) {
            option(argv, "Dir::Etc::SourceList", folder.resolve("sources.list").toString());
            option(argv, "Dir::Etc::SourceParts", folder.resolve("sources.list.d").toString());
        }
        option(argv, "APT::Architecture", architecture);
        option(argv, "APT::Architectures", architecture);
        option(argv, "Acquire::Languages", "none");
        option(argv, "Acquire::IndexTargets::deb-src::Sources::DefaultEnabled", "false");
        option(argv, "Acquire::AllowInsecureRepositories", "false");
        option(argv, "Acquire::AllowDowngradeToInsecureRepositories", "false");
        option(argv, "APT::Get::AllowUnauthenticated", "false");
        // As root, apt downloads as the _apt user, who cannot write into the user's cache: stay this user.
        user.ifPresent(name -> option(argv, "APT::Sandbox::User", name));
        argv.addAll(args);
        return argv;
    }

    /** A command of {@link #argv}: messages in English (they are parsed and quoted), in {@code directory}. */
    Command command(String program, List<String> args, Path directory) {
        return Command.of(argv(program, args)).withWorkingDirectory(directory).withEnvironment(Map.of("LC_ALL", "C"));
    }

    private static void option(List<String> argv, String name, String value) {
        argv.add("-o");
        argv.add(name + "=" + value);
    }

    /** When {@code apt-get update} last ran here successfully. */
    Optional<Instant> updated() throws IOException {
        Path stamp = folder.resolve(UPDATED);
        return Files.isRegularFile(stamp) ? Optional.of(Files.getLastModifiedTime(stamp).toInstant()) : Optional.empty();
    }

    void markUpdated(Instant now) throws IOException {
        Path stamp = folder.resolve(UPDATED);
        Files.writeString(stamp, now + "\n");
        Files.setLastModifiedTime(stamp, FileTime.from(now));
    }

    /** Whether the lists hold a package index of the architecture (an archive without the port gives none). */
    boolean hasPackages() throws IOException {
        for (Path file : lists()) {
            if (file.getFileName().toString().contains("binary-" + architecture + "_Packages")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The state of the index: a hash of the names, sizes and times of the list files. It changes when
     * {@code apt-get update} brings a new index, and only then.
     */
    String state() throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (Path file : lists()) {
            files.put(file.getFileName().toString(), Files.size(file) + " " + Files.getLastModifiedTime(file).toMillis());
        }
        return Hashes.sha256(files.toString());
    }

    /** Where the packages resolved for {@code key} (the request) are remembered with the index state. */
    Path resolution(String key) {
        return folder.resolve("resolved").resolve(key + ".json");
    }

    private List<Path> lists() throws IOException {
        List<Path> files = new ArrayList<>();
        Path lists = folder.resolve("lists");
        if (!Files.isDirectory(lists)) {
            return files;
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(lists)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (Files.isRegularFile(entry) && !name.equals("lock")) {
                    files.add(entry);
                }
            }
        }
        return files;
    }

}
