package dev.crossbuild.sysroot;

import dev.crossbuild.exec.Command;
import dev.crossbuild.exec.HostEnvironment;
import dev.crossbuild.exec.ProcessResult;
import dev.crossbuild.exec.ProcessRunner;
import dev.crossbuild.exec.ProgramFinder;
import dev.crossbuild.io.AtomicFiles;
import dev.crossbuild.io.FileTrees;
import dev.crossbuild.io.FolderException;
import dev.crossbuild.io.FolderLock;
import dev.crossbuild.io.FolderLockedException;
import dev.crossbuild.io.Hashes;
import dev.crossbuild.io.LockHolder;
import dev.crossbuild.json.Json;
import dev.crossbuild.json.JsonException;
import dev.crossbuild.json.JsonFields;
import dev.crossbuild.json.JsonReader;
import dev.crossbuild.machine.Aliases;
import dev.crossbuild.machine.Machine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Provides private sysroots from Debian packages (the entry point of this package). For a request: the host
 * machine's Debian architecture; its private package index ({@link AptIndex}), fetched again once a day (or with
 * {@code refresh}), never offline; the packages resolved with their dependencies ({@link DependencyClosure}); the
 * cache key: architecture + a hash of the request and of every package's name, version and {@code .deb} SHA-256 as
 * the signed index states them. A sysroot already in the cache under that key is used as it is; else the packages are
 * downloaded ({@code apt-get download}, which checks each against the signed index; cross checks the SHA-256 again),
 * unpacked with {@code dpkg-deb -x} into a temporary folder, absolute symbolic links made relative (they would name the
 * build machine's files), and the folder renamed into place whole. The index folder's lock keeps concurrent builds of
 * one architecture apart; a rename that finds the folder made meanwhile by another build keeps that one (same key,
 * same content). What resolution found is remembered per request while the index is unchanged, so a warm build runs
 * no program at all.
 */
public final class DebianSysroots {

    /** How old the private index may get before an online build fetches it again. */
    static final Duration INDEX_AGE = Duration.ofDays(1);

    private static final Pattern PACKAGE_NAME = Pattern.compile("[a-z0-9][a-z0-9+.-]+");
    private static final List<String> DEPENDS_OPTIONS = List.of("depends", "--no-recommends", "--no-suggests",
            "--no-conflicts", "--no-breaks", "--no-replaces", "--no-enhances");
    private static final List<String> INSECURE_OPTIONS = List.of("trusted=", "allow-insecure=", "allow-weak=",
            "allow-downgrade-to-insecure=");
    /**
     * How long a sysroot may go unused (its manifest's time, which every build that takes it moves) before a build
     * for its architecture deletes it: a package update makes a new sysroot, and the old one would stay forever.
     */
    static final Duration UNUSED_FOR = Duration.ofDays(30);

    /** How old a folder in {@code .tmp/} must be to count as the leftover of a build that was stopped. */
    static final Duration STALE_STAGING = Duration.ofDays(1);

    private static final List<String> UNUSED = List.of("usr/share/doc", "usr/share/man", "usr/share/info",
            "usr/share/lintian");

    private final ProcessRunner runner;
    private final HostEnvironment environment;
    private final Clock clock;
    private final Consumer<String> log;

    public DebianSysroots(ProcessRunner runner, HostEnvironment environment, Consumer<String> log) {
        this(runner, environment, Clock.systemUTC(), log);
    }

    DebianSysroots(ProcessRunner runner, HostEnvironment environment, Clock clock, Consumer<String> log) {
        this.runner = runner;
        this.environment = environment;
        this.clock = clock;
        this.log = log;
    }

    /**
     * The sysroot of {@code request}, from the cache or fetched into it.
     *
     * @throws SysrootException for anything the user can fix: no packages or a bad name, a machine Debian has no port
     *     for, no apt on the build machine, offline with a cold cache, an unknown package, an archive that fails
     */
    public Sysroot provide(SysrootRequest request) throws SysrootException, IOException {
        List<String> packages = checkedPackages(request);
        List<String> sources = checkedSources(request.sources(), packages);
        Machine host = request.host();
        String architecture = Aliases.debianArch(host).orElseThrow(() -> new SysrootException("no Debian "
                + "architecture for the host machine (" + host.system() + " " + host.cpuFamily() + ", " + host.cpu()
                + "): private sysroots hold Debian packages, which exist for Linux machines Debian has a port for",
                String.join(", ", packages), "remove the sysroot packages for this machine, or give it a sys_root "
                        + "of your own in [properties] of the cross file"));
        List<String> multiarch = multiarch(host, request.musl());
        AptIndex index = AptIndex.in(request.cache(), architecture, sources, environment.property("user.name"));
        String requestKey = Hashes.sha256(architecture + "\n" + String.join("\n", new TreeSet<>(packages)));
        LockHolder me = LockHolder.thisProcess(environment.hostName(), "cross sysroot");
        FolderLock lock = lock(index, me, request.lockTimeout(), packages);
        try {
            return provideLocked(request, packages, sources, architecture, multiarch, index, requestKey);
        } finally {
            lock.close();
        }
    }

    private Sysroot provideLocked(SysrootRequest request, List<String> packages, List<String> sources,
                                  String architecture, List<String> multiarch, AptIndex index, String requestKey)
            throws SysrootException, IOException {
        Sysroot sysroot = provideOrMake(request, packages, sources, architecture, multiarch, index, requestKey);
        used(sysroot.root());
        pruneUnused(request.cache(), architecture, sysroot.root());
        return sysroot;
    }

    /** Marks a sysroot as used now, so that pruning keeps it; a cache that cannot be written only prunes it sooner. */
    private void used(Path root) {
        try {
            Files.setLastModifiedTime(root.resolve(Sysroot.MANIFEST), FileTime.from(clock.instant()));
        } catch (IOException e) {
            // only pruning reads the time
        }
    }

    /**
     * Deletes the other sysroots of {@code architecture} unused for {@link #UNUSED_FOR}: each is first renamed into
     * {@code .tmp/}, so that none is ever seen half deleted. A folder without a manifest is left to be made again.
     * Pruning is housekeeping: what it cannot do is logged and tried again by the next build, never a failed build.
     */
    private void pruneUnused(Path cache, String architecture, Path current) {
        try {
            removeUnused(cache, architecture, current);
        } catch (IOException e) {
            log.accept("sysroot " + architecture + ": could not remove the sysroots unused for " + UNUSED_FOR.toDays()
                    + " days from " + cache + " (" + e.getMessage() + "); the next build tries again");
        }
    }

    private void removeUnused(Path cache, String architecture, Path current) throws IOException {
        FileTime limit = FileTime.from(clock.instant().minus(UNUSED_FOR));
        List<Path> unused = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(cache, architecture + "-*")) {
            for (Path entry : entries) {
                Path manifest = entry.resolve(Sysroot.MANIFEST);
                try {
                    if (!entry.equals(current) && entry.getFileName().toString().matches(
                            Pattern.quote(architecture) + "-[0-9a-f]{16}") && Files.isRegularFile(manifest)
                            && Files.getLastModifiedTime(manifest).compareTo(limit) < 0) {
                        unused.add(entry);
                    }
                } catch (NoSuchFileException gone) {
                    // pruned meanwhile by a build of another set of archives
                }
            }
        }
        if (unused.isEmpty()) {
            return;
        }
        Path temporary = Files.createDirectories(cache.resolve(".tmp"));
        int removed = 0;
        for (Path sysroot : unused) {
            Path doomed = temporary.resolve(sysroot.getFileName() + ".unused");
            try {
                Files.move(sysroot, doomed, StandardCopyOption.ATOMIC_MOVE);
            } catch (NoSuchFileException | FileAlreadyExistsException | DirectoryNotEmptyException taken) {
                continue; // another build is removing it
            }
            FileTrees.delete(doomed);
            removed++;
        }
        if (removed > 0) {
            log.accept("sysroot " + architecture + ": removed " + removed + " sysroot" + (removed == 1 ? "" : "s")
                    + " unused for " + UNUSED_FOR.toDays() + " days from " + cache);
        }
    }

    private Sysroot provideOrMake(SysrootRequest request, List<String> packages, List<String> sources,
                                  String architecture, List<String> multiarch, AptIndex index, String requestKey)
            throws SysrootException, IOException {
        index.prepare();
        boolean fetched = refreshIndex(index, request, packages, architecture, sources);
        String state = index.state();
        Optional<String> remembered = remembered(index.resolution(requestKey), state);
        if (remembered.isPresent()) {
            Optional<Sysroot> cached = read(request.cache().resolve(remembered.get()), multiarch, packages);
            if (cached.isPresent()) {
                log.accept("sysroot " + architecture + ": " + cached.get().root() + " (cached)");
                return cached.get();
            }
        }
        DependencyClosure.Result closure = resolve(index, packages, architecture, sources, fetched);
        String key = architecture + "-" + Hashes.sha256("cross-sysroot 1\n" + architecture + "\n"
                + String.join(",", new TreeSet<>(packages)) + "\n" + closure.packages().stream()
                .map(p -> p.name() + " " + p.version() + " " + p.sha256()).sorted()
                .collect(Collectors.joining("\n"))).substring(0, 16);
        Path root = request.cache().resolve(key);
        Optional<Sysroot> cached = read(root, multiarch, packages);
        if (cached.isEmpty()) {
            if (request.offline()) {
                throw offline(packages, architecture, "the cache has no sysroot of "
                        + closure.packages().stream().map(PackageRecord::pinned).collect(Collectors.joining(", ")));
            }
            cached = Optional.of(make(index, root, closure, architecture, multiarch, packages, key));
        } else {
            log.accept("sysroot " + architecture + ": " + root + " (cached)");
        }
        remember(index.resolution(requestKey), state, key);
        return cached.get();
    }

    /** The index folder's lock: one build at a time fetches and unpacks for one architecture and set of archives. */
    private FolderLock lock(AptIndex index, LockHolder me, Duration timeout, List<String> packages)
            throws SysrootException, IOException {
        try {
            return FolderLock.acquire(index.folder(), index.folder().toString(), me, timeout, log);
        } catch (FolderLockedException | FolderException e) {
            throw new SysrootException("cannot use the sysroot cache for " + String.join(", ", packages) + ": "
                    + e.getMessage(), String.join(", ", packages), e.remedy().orElse(null), e);
        }
    }

    /** Fetches the index when it is missing, older than a day or a refresh is asked; never offline. */
    private boolean refreshIndex(AptIndex index, SysrootRequest request, List<String> packages, String architecture,
                                 List<String> sources) throws SysrootException, IOException {
        Optional<Instant> updated = index.updated();
        Instant now = clock.instant();
        boolean stale = updated.isEmpty() || request.refresh() || updated.get().plus(INDEX_AGE).isBefore(now);
        if (!stale) {
            return false;
        }
        if (request.offline()) {
            if (updated.isPresent()) {
                return false; // an old index still names what the cache holds
            }
            throw offline(packages, architecture, "the cache has no package index for " + architecture + " yet");
        }
        String apt = program("apt-get", packages);
        log.accept("sysroot " + architecture + ": fetching the package index of " + describeSources(sources));
        ProcessResult result = run(index.command(apt, List.of("update"), index.folder()), packages);
        String output = result.stdout() + result.stderr();
        List<String> errors = output.lines().filter(l -> l.startsWith("E: ") || l.startsWith("W: GPG")
                || l.contains("NO_PUBKEY") || l.contains("is not signed")).toList();
        if (!result.succeeded() || !errors.isEmpty()) {
            throw new SysrootException("apt-get update of the private " + architecture + " package index ("
                    + describeSources(sources) + ") failed for the sysroot packages " + String.join(", ", packages)
                    + (result.timedOut() ? " (timed out)" : " (exit " + result.exitCode() + ")") + ":\n"
                    + tail(errors.isEmpty() ? output.lines().toList() : errors), String.join(", ", packages),
                    "check the network and the archive (an archive apt cannot verify with the build machine's "
                            + "trusted keys is refused: install its keyring); a build with -o (offline) uses the "
                            + "sysroots already in the cache");
        }
        index.markUpdated(now);
        return true;
    }

    private DependencyClosure.Result resolve(AptIndex index, List<String> packages, String architecture,
                                             List<String> sources, boolean fetched) throws SysrootException, IOException {
        String aptCache = program("apt-cache", packages);
        DependencyClosure.Archive archive = new DependencyClosure.Archive() {
            @Override
            public Map<String, PackageRecord> show(Collection<String> names) throws IOException {
                List<String> args = new ArrayList<>(List.of("show", "--no-all-versions"));
                args.addAll(names);
                return PackageRecord.parseShow(query(index.command(aptCache, args, index.folder()), index));
            }

            @Override
            public Map<String, List<DependencyGroup>> depends(Collection<String> names) throws IOException {
                List<String> args = new ArrayList<>(DEPENDS_OPTIONS);
                args.addAll(names);
                return DependencyGroup.parseDepends(query(index.command(aptCache, args, index.folder()), index));
            }
        };
        try {
            return DependencyClosure.resolve(packages, archive);
        } catch (DependencyClosure.RequestException e) {
            if (!e.provided().isEmpty()) {
                throw new SysrootException("the sysroot packages " + String.join(", ", e.provided()) + " are part of "
                        + "the cross toolchain (the C library, kernel headers or compiler runtime), which a sysroot "
                        + "never holds: its own copy would shadow the toolchain's", String.join(", ", e.provided()),
                        "remove " + String.join(", ", e.provided()) + " from the sysroot packages");
            }
            String where = describeSources(sources);
            String why = index.hasPackages() ? "the " + architecture + " package index of " + where + " has no "
                    + (e.unknown().size() == 1 ? "package " : "packages ") + String.join(", ", e.unknown())
                    : "the archives of " + where + " have no packages for " + architecture
                            + (fetched ? "" : " (or their index is not fetched)");
            throw new SysrootException("cannot make the sysroot: " + why, String.join(", ", e.unknown()),
                    index.hasPackages()
                            ? "correct the package names (binary package names, e.g. zlib1g-dev, without :"
                                    + architecture + "); apt-cache search finds them"
                            : "add [properties] sysroot_sources = ['deb <archive> <suite> main'] naming an archive "
                                    + "that has " + architecture + " packages to the cross file (riscv64: 'deb "
                                    + "http://deb.debian.org/debian trixie main'; Ubuntu: ports.ubuntu.com)");
        }
    }

    private Sysroot make(AptIndex index, Path root, DependencyClosure.Result closure, String architecture,
                         List<String> multiarch, List<String> packages, String key) throws SysrootException, IOException {
        String apt = program("apt-get", packages);
        String dpkgDeb = program("dpkg-deb", packages);
        List<PackageRecord> records = closure.packages();
        log.accept("sysroot " + architecture + ": fetching " + records.stream().map(r -> r.name() + " " + r.version())
                .collect(Collectors.joining(", ")) + (closure.skipped().isEmpty() ? "" : "; not taken: "
                + closure.skipped().entrySet().stream().map(e -> e.getKey() + " (" + e.getValue() + ")")
                        .collect(Collectors.joining(", "))));
        Path temporary = root.resolveSibling(".tmp");
        Files.createDirectories(temporary);
        // A build killed while it unpacked left its folder here; unpacking takes minutes, so a day-old one is dead.
        List<Path> leftovers = FileTrees.deleteOlder(temporary, clock.instant().minus(STALE_STAGING));
        if (!leftovers.isEmpty()) {
            log.accept("sysroot " + architecture + ": removed " + leftovers.size() + " unfinished folder"
                    + (leftovers.size() == 1 ? "" : "s") + " of builds stopped earlier from " + temporary);
        }
        Path staging = Files.createTempDirectory(temporary, key + ".");
        try {
            Path debs = Files.createDirectories(staging.resolve("debs"));
            List<String> args = new ArrayList<>(List.of("download"));
            records.forEach(r -> args.add(r.pinned()));
            ProcessResult download = run(index.command(apt, args, debs), packages);
            if (!download.succeeded()) {
                throw new SysrootException("apt-get download of " + String.join(", ", args.subList(1, args.size()))
                        + " (" + architecture + ") failed (exit " + download.exitCode() + "):\n"
                        + tail((download.stdout() + download.stderr()).lines().toList()), String.join(", ", packages),
                        "check the network and the archive; the package index is fetched again after a day, or "
                                + "at once with -U");
            }
            Path tree = staging.resolve("root");
            Files.createDirectories(tree);
            for (Path deb : verified(debs, records, packages)) {
                ProcessResult unpack = run(Command.of(dpkgDeb, "-x", deb.toString(), tree.toString()), packages);
                if (!unpack.succeeded()) {
                    throw new SysrootException("dpkg-deb -x " + deb.getFileName() + " failed (exit "
                            + unpack.exitCode() + "): " + unpack.stderr().strip(), String.join(", ", packages), null);
                }
            }
            for (String unused : UNUSED) {
                FileTrees.deleteQuietly(tree.resolve(unused));
            }
            SymbolicLinks.relativize(tree);
            List<SysrootPackage> unpacked = records.stream().map(SysrootPackage::of).toList();
            Sysroot made = new Sysroot(root, architecture, multiarch, packages, unpacked, key);
            Map<String, Object> manifest = new LinkedHashMap<>(made.toJson());
            manifest.remove("path");
            manifest.remove("multiarch");
            manifest.put("skipped", new LinkedHashMap<>(closure.skipped()));
            Files.writeString(tree.resolve(Sysroot.MANIFEST), Json.write(manifest) + "\n", StandardCharsets.UTF_8);
            if (Files.exists(root, LinkOption.NOFOLLOW_LINKS) && read(root, multiarch, packages).isEmpty()) {
                // A tree is only ever renamed into place whole, its manifest in it: this one is damaged (a cache
                // restored in part, a deletion cut short), and would stay in the way of every build.
                log.accept("sysroot " + architecture + ": " + root + " has no readable " + Sysroot.MANIFEST
                        + "; replacing it");
                FileTrees.delete(root);
            }
            try {
                Files.move(tree, root, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException meanwhile) {
                log.accept("sysroot " + architecture + ": " + root + " was made by another build meanwhile");
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot rename " + tree + " to " + root + " atomically", e);
            }
            log.accept("sysroot " + architecture + ": " + root + " (" + records.size() + " packages)");
            return read(root, multiarch, packages).orElseThrow(() -> new IOException("the sysroot " + root
                    + " has no readable " + Sysroot.MANIFEST));
        } finally {
            FileTrees.deleteQuietly(staging);
        }
    }

    /**
     * The {@code .deb} files, each matched to its record by SHA-256: apt-get download checked them against the
     * signed index already; this is cross's own check that every package arrived, and nothing else.
     */
    private static List<Path> verified(Path debs, List<PackageRecord> records, List<String> packages)
            throws SysrootException, IOException {
        Map<String, PackageRecord> bySha = new LinkedHashMap<>();
        records.forEach(r -> bySha.put(r.sha256(), r));
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(debs, "*.deb")) {
            for (Path entry : entries) {
                String sha = Hashes.sha256(entry);
                if (bySha.remove(sha) == null) {
                    throw new SysrootException("apt-get download gave " + entry.getFileName() + ", whose SHA-256 "
                            + sha + " is none of the signed index's for " + records.stream().map(PackageRecord::name)
                            .collect(Collectors.joining(", ")), String.join(", ", packages),
                            "fetch again (a proxy may have changed the file); delete " + debs.getParent());
                }
                files.add(entry);
            }
        }
        if (!bySha.isEmpty()) {
            throw new SysrootException("apt-get download did not give " + bySha.values().stream()
                    .map(PackageRecord::pinned).collect(Collectors.joining(", ")), String.join(", ", packages), null);
        }
        files.sort(null);
        return files;
    }

    private Optional<Sysroot> read(Path root, List<String> multiarch, List<String> requested) {
        Path manifest = root.resolve(Sysroot.MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return Optional.empty();
        }
        try {
            Map<String, Object> json = JsonReader.parseObject(Files.readString(manifest, StandardCharsets.UTF_8));
            List<SysrootPackage> unpacked = new ArrayList<>();
            for (Object entry : JsonFields.array(json, "packages")) {
                Map<String, Object> p = JsonFields.object(entry, "packages[]");
                unpacked.add(new SysrootPackage(JsonFields.string(p, "name"), JsonFields.string(p, "version"),
                        JsonFields.string(p, "architecture"), JsonFields.string(p, "sha256")));
            }
            return Optional.of(new Sysroot(root, JsonFields.string(json, "architecture"), multiarch, requested,
                    unpacked, JsonFields.string(json, "key")));
        } catch (IOException | JsonException | IllegalArgumentException e) {
            return Optional.empty(); // missing or damaged: the caller makes it again, replacing a damaged one
        }
    }

    private static Optional<String> remembered(Path record, String state) {
        try {
            if (!Files.isRegularFile(record)) {
                return Optional.empty();
            }
            Map<String, Object> json = JsonReader.parseObject(Files.readString(record, StandardCharsets.UTF_8));
            return state.equals(json.get("index")) ? JsonFields.optionalString(json, "key") : Optional.empty();
        } catch (IOException | JsonException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static void remember(Path record, String state, String key) throws IOException {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("index", state);
        json.put("key", key);
        AtomicFiles.writeString(record, Json.write(json) + "\n");
    }

    /**
     * What apt-cache answers on the private index. None of the names a package of it is no failure here (apt-cache
     * exits 100, "No packages found"): the closure names the unknown packages with a remedy. Any other failure is the
     * index's: a {@link SysrootException} (as the cause, for the {@code Archive} interface) saying how to fetch it again.
     */
    private String query(Command command, AptIndex index) throws IOException {
        ProcessResult result = runner.run(command);
        if (result.exitCode() == 100 && result.stderr().contains("No packages found")) {
            return "";
        }
        if (!result.succeeded()) {
            SysrootException cause = new SysrootException("apt-cache failed on the private package index in "
                    + index.folder() + " (exit " + result.exitCode() + "): " + result.stderr().strip(),
                    index.folder().toString(), "fetch the index again: build once with -U (the CLI: --refresh), or "
                    + "delete " + index.folder());
            throw new IOException(cause.getMessage() + "; " + cause.remedy().orElseThrow(), cause);
        }
        return result.stdout();
    }

    private ProcessResult run(Command command, List<String> packages) throws SysrootException {
        try {
            return runner.run(command);
        } catch (IOException e) {
            throw new SysrootException("cannot run " + command.program() + " for the sysroot packages "
                    + String.join(", ", packages) + ": " + e.getMessage(), String.join(", ", packages), null, e);
        }
    }

    /** The program's path, or the refusal of a build machine without Debian's package tools. */
    private String program(String name, List<String> packages) throws SysrootException {
        return new ProgramFinder(environment).find(name).map(Path::toString).orElseThrow(() -> new SysrootException(
                "private sysroots are made with Debian's apt-get, apt-cache and dpkg-deb, and this build machine has "
                        + "no " + name + " on PATH (it is not Debian or Ubuntu); the sysroot packages "
                        + String.join(", ", packages) + " cannot be fetched here", String.join(", ", packages),
                "build on Debian or Ubuntu (a container will do), or set sys_root and pkg_config_libdir in "
                        + "[properties] of the cross file to a sysroot of your own"));
    }

    private static SysrootException offline(List<String> packages, String architecture, String what) {
        return new SysrootException("offline (-o), and " + what + ": the sysroot packages "
                + String.join(", ", packages) + " (" + architecture + ") must be fetched from the Debian archive once",
                String.join(", ", packages), "build once without -o (or run mvn cross:sysroot), then offline builds "
                        + "use the cached sysroot");
    }

    private static List<String> checkedPackages(SysrootRequest request) throws SysrootException {
        List<String> packages = request.packages().stream().map(String::strip).filter(p -> !p.isEmpty()).distinct()
                .toList();
        if (packages.isEmpty()) {
            throw new SysrootException("no sysroot packages named", "", "name Debian packages, e.g. zlib1g-dev");
        }
        for (String name : packages) {
            if (!PACKAGE_NAME.matcher(name).matches()) {
                int colon = name.indexOf(':');
                throw new SysrootException("'" + name + "' is not a Debian binary package name", name,
                        colon > 0 ? "write " + name.substring(0, colon) + ": the architecture is the host machine's"
                                : "package names are lower-case letters, digits and + - . (e.g. zlib1g-dev)");
            }
        }
        return packages;
    }

    private static List<String> checkedSources(List<String> sources, List<String> packages)
            throws SysrootException {
        List<String> checked = new ArrayList<>();
        for (String source : sources) {
            String line = source.strip();
            boolean control = line.chars().anyMatch(c -> c < 0x20 && c != '\t');
            if (control || !(line.startsWith("deb ") || line.startsWith("deb\t") || line.startsWith("deb["))) {
                throw new SysrootException("sysroot source '" + source + "' is not a one-line apt source entry",
                        source, "write deb <archive URI> <suite> <component>..., e.g. deb "
                                + "http://deb.debian.org/debian trixie main");
            }
            for (String insecure : INSECURE_OPTIONS) {
                if (line.contains(insecure)) {
                    throw new SysrootException("sysroot source '" + source + "' turns off apt's signature check ("
                            + insecure + "...): sysroot packages are always verified", source,
                            "remove the option; install the archive's keyring on the build machine instead");
                }
            }
            checked.add(line);
        }
        return checked;
    }

    static List<String> multiarch(Machine host, boolean musl) {
        List<String> tuples = new ArrayList<>();
        if (musl) {
            Aliases.debianMultiarch(host, true).ifPresent(tuples::add);
        }
        Aliases.debianMultiarch(host).ifPresent(tuples::add);
        return tuples;
    }

    private static String describeSources(List<String> sources) {
        return sources.isEmpty() ? "the build machine's apt sources" : String.join("; ", sources);
    }

    private static String tail(List<String> lines) {
        List<String> last = lines.size() > 12 ? lines.subList(lines.size() - 12, lines.size()) : lines;
        return String.join("\n", last.stream().map(String::strip).filter(l -> !l.isEmpty()).toList());
    }

}
