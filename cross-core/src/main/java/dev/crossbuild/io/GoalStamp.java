package dev.crossbuild.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * What a goal read and wrote, as it was when the goal last succeeded, so that a later run with nothing changed can
 * skip the goal: a key (a digest of every input that is not a file: the parameters, the environment, ...), the
 * effects to replay (project properties, attached artifacts: lines the caller reads back), and the size and
 * modification time of every watched file and the modification time of every watched folder (an entry added, removed
 * or renamed changes it). A watched tree is walked again at each check, links followed, so a file added anywhere in
 * it is seen.
 *
 * <p>Like Git's index, a stamp is not trusted for a path modified less than {@link #RACY} before the goal started:
 * an edit in the same clock tick as the recorded time (file systems keep times to a second at worst) would otherwise
 * go unseen, and a file modified while the goal ran may have been read before the change. The next run then does the
 * goal's work (finding it up to date) and records a stamp that is trusted.
 *
 * <p>The format is plain lines, read without a JSON parser: a no-op build of a fresh JVM pays for every class it
 * loads.
 */
public final class GoalStamp {

    /** How long before the goal started a watched path must have been modified for the stamp to be trusted. */
    public static final Duration RACY = Duration.ofSeconds(2);

    /** 2: each folder's entries in name order; 1 sorted whole trees by path, and is read as another version's. */
    private static final String HEADER = "cross goal stamp 2";

    /** What a goal watches: trees walked whole (minus {@code excluded} paths), and single files or folders. */
    public record Watch(List<Path> trees, List<Path> listings, List<Path> paths, Set<Path> excluded) {
        public Watch {
            trees = List.copyOf(trees);
            listings = List.copyOf(listings);
            paths = List.copyOf(paths);
            excluded = Set.copyOf(excluded);
        }

        /** Everything each of {@code watches} watches (the targets of one run, say), each path once. */
        public static Watch of(List<Watch> watches) {
            Set<Path> trees = new LinkedHashSet<>();
            Set<Path> listings = new LinkedHashSet<>();
            Set<Path> paths = new LinkedHashSet<>();
            Set<Path> excluded = new HashSet<>();
            for (Watch watch : watches) {
                trees.addAll(watch.trees());
                listings.addAll(watch.listings());
                paths.addAll(watch.paths());
                excluded.addAll(watch.excluded());
            }
            return new Watch(List.copyOf(trees), List.copyOf(listings), List.copyOf(paths), excluded);
        }
    }

    /** The outcome of a check: the recorded effects when nothing changed, else why the goal must run. */
    public record Check(Optional<List<String>> effects, String reason) {
        public boolean unchanged() {
            return effects.isPresent();
        }
    }

    private GoalStamp() {
    }

    /** Whether the stamp in {@code file} still holds for {@code key}: every watched path as recorded, none racy. */
    public static Check check(Path file, String key) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return changed("no stamp of an earlier run (" + file + ")");
        } catch (IOException | RuntimeException e) {
            return changed("the stamp " + file + " cannot be read: " + e.getMessage());
        }
        if (lines.size() < 3 || !lines.get(0).equals(HEADER) || !lines.get(1).equals("key " + key)
                || !lines.get(2).startsWith("started ")) {
            return changed(lines.size() > 1 && lines.get(0).equals(HEADER) && lines.get(1).startsWith("key ")
                    ? "a parameter, the environment, a project property or the plugin changed"
                    : "the stamp " + file + " is from another version or damaged");
        }
        long started;
        try {
            started = Long.parseLong(lines.get(2).substring("started ".length()));
        } catch (NumberFormatException e) {
            return changed("the stamp " + file + " is damaged");
        }
        List<Path> trees = new ArrayList<>();
        List<Path> listings = new ArrayList<>();
        List<Path> paths = new ArrayList<>();
        Set<Path> excluded = new HashSet<>();
        List<String> effects = new ArrayList<>();
        List<String> recorded = new ArrayList<>();
        for (int i = 3; i < lines.size(); i++) {
            String line = lines.get(i);
            int space = line.indexOf(' ');
            String kind = space < 0 ? line : line.substring(0, space);
            String rest = space < 0 ? "" : line.substring(space + 1);
            switch (kind) {
                case "tree" -> trees.add(Path.of(rest));
                case "listing" -> listings.add(Path.of(rest));
                case "path" -> paths.add(Path.of(rest));
                case "exclude" -> excluded.add(Path.of(rest));
                case "effect" -> effects.add(unescape(rest));
                case "entry" -> recorded.add(rest);
                default -> {
                    return changed("the stamp " + file + " is damaged (line " + (i + 1) + ")");
                }
            }
        }
        List<String> now;
        try {
            now = entries(new Watch(trees, listings, paths, excluded));
        } catch (IOException | RuntimeException e) {
            return changed("a watched path cannot be read: " + e.getMessage());
        }
        if (!now.equals(recorded)) {
            return changed(firstDifference(recorded, now));
        }
        long limit = started - TimeUnit.NANOSECONDS.convert(RACY);
        for (String entry : recorded) {
            if (modified(entry) >= limit) {
                return changed(path(entry) + " was modified just before or while the last run worked");
            }
        }
        return new Check(Optional.of(List.copyOf(effects)), "");
    }

    /**
     * Records what {@code watch} finds now for {@code key}, for a goal that started at {@code started} and succeeded
     * with {@code effects}; written atomically.
     */
    public static void record(Path file, String key, Instant started, Watch watch, List<String> effects)
            throws IOException {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        text.append("key ").append(key).append('\n');
        text.append("started ").append(nanos(started)).append('\n');
        for (String effect : effects) {
            text.append("effect ").append(escape(effect)).append('\n');
        }
        for (Path tree : watch.trees()) {
            text.append("tree ").append(tree).append('\n');
        }
        for (Path listing : watch.listings()) {
            text.append("listing ").append(listing).append('\n');
        }
        for (Path path : watch.paths()) {
            text.append("path ").append(path).append('\n');
        }
        for (Path path : sorted(watch.excluded())) {
            text.append("exclude ").append(path).append('\n');
        }
        for (String entry : entries(watch)) {
            text.append("entry ").append(entry).append('\n');
        }
        AtomicFiles.writeString(file, text.toString());
    }

    /** Removes the stamp: the goal runs next time. Called before the goal works, so a failed run leaves none. */
    public static void forget(Path file) throws IOException {
        Files.deleteIfExists(file);
    }

    /**
     * One line per path: {@code <kind> <size> <modified> <path>}; kind {@code f} a file, {@code d} a folder (its time
     * left out, 0, when an excluded path is directly in it: the excluded entry's own coming and going moves it),
     * {@code -} missing, {@code l} a link loop. Each folder's entries sorted by name, so two walks of the same files
     * compare equal whatever order the file system lists them in.
     */
    static List<String> entries(Watch watch) throws IOException {
        Set<Path> holders = new HashSet<>();
        for (Path excluded : watch.excluded()) {
            holders.add(excluded.getParent());
        }
        List<String> entries = new ArrayList<>();
        for (Path tree : watch.trees()) {
            walk(tree, true, watch.excluded(), holders, new HashSet<>(), entries);
        }
        for (Path listing : watch.listings()) {
            walk(listing, false, watch.excluded(), holders, new HashSet<>(), entries);
        }
        for (Path path : watch.paths()) {
            entries.add(entry(path, attributes(path), holders));
        }
        return entries;
    }

    /** {@code files}: whether files are stamped too, or only the folders (a listing: names added or removed). */
    private static void walk(Path path, boolean files, Set<Path> excluded, Set<Path> holders, Set<Object> ancestors,
                             List<String> out) throws IOException {
        if (excluded.contains(path)) {
            return;
        }
        BasicFileAttributes attributes = attributes(path);
        if (attributes == null || !attributes.isDirectory()) {
            if (files || attributes == null) {
                out.add(entry(path, attributes, holders));
            }
            return;
        }
        Object key = attributes.fileKey() != null ? attributes.fileKey() : path.toRealPath();
        if (!ancestors.add(key)) {
            out.add("l 0 0 " + path); // a link back to a folder above: walked once, as the sources are
            return;
        }
        out.add(entry(path, attributes, holders));
        List<Path> children = new ArrayList<>();
        try (DirectoryStream<Path> listed = Files.newDirectoryStream(path)) {
            for (Path child : listed) {
                children.add(child);
            }
        } catch (NoSuchFileException e) {
            out.add("- 0 0 " + path + "/"); // removed while it was walked: never equal to a recorded walk
        }
        Collections.sort(children); // the file system's order may differ between two walks; this one does not
        for (Path child : children) {
            walk(child, files, excluded, holders, ancestors, out);
        }
        ancestors.remove(key);
    }

    private static String entry(Path path, BasicFileAttributes attributes, Set<Path> holders) {
        if (attributes == null) {
            return "- 0 0 " + path;
        }
        if (attributes.isDirectory()) {
            long modified = holders.contains(path) ? 0 : attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS);
            return "d 0 " + modified + " " + path;
        }
        return "f " + attributes.size() + " " + attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS) + " " + path;
    }

    /** The path's attributes, links followed; null when it does not exist (or is a dangling link). */
    private static BasicFileAttributes attributes(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static long modified(String entry) {
        return Long.parseLong(entry.split(" ", 4)[2]);
    }

    private static String path(String entry) {
        return entry.split(" ", 4)[3];
    }

    /** The most telling difference: a path gone or new, else a file changed, else a folder's entries. */
    private static String firstDifference(List<String> recorded, List<String> now) {
        Map<String, String> was = byPath(recorded);
        Map<String, String> is = byPath(now);
        for (Map.Entry<String, String> entry : was.entrySet()) {
            String current = is.get(entry.getKey());
            if (current == null || (current.charAt(0) == '-') != (entry.getValue().charAt(0) == '-')) {
                return entry.getKey() + (current == null || current.charAt(0) == '-' ? " is gone" : " is new");
            }
        }
        for (String path : is.keySet()) {
            if (!was.containsKey(path)) {
                return path + " is new";
            }
        }
        String folder = null;
        for (Map.Entry<String, String> entry : was.entrySet()) {
            if (!entry.getValue().equals(is.get(entry.getKey()))) {
                if (entry.getValue().charAt(0) != 'd') {
                    return entry.getKey() + " changed";
                }
                folder = folder == null ? entry.getKey() : folder;
            }
        }
        return folder != null ? folder + " changed (an entry added, removed or renamed)" : "the watched paths changed";
    }

    private static Map<String, String> byPath(List<String> entries) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String entry : entries) {
            map.put(path(entry), entry);
        }
        return map;
    }

    private static List<Path> sorted(Set<Path> paths) {
        List<Path> list = new ArrayList<>(paths);
        Collections.sort(list);
        return list;
    }

    private static Check changed(String reason) {
        return new Check(Optional.empty(), reason);
    }

    private static long nanos(Instant instant) {
        return TimeUnit.SECONDS.toNanos(instant.getEpochSecond()) + instant.getNano();
    }

    /** Effects are one line each: backslash, newline and carriage return escaped. */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
    }

    static String unescape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                out.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
