package dev.crossbuild.crossfile;

import dev.crossbuild.exec.HostEnvironment;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a machine file by the name a user gave ({@code -Dcross.file=...}), in Meson's order (spec 4.4) with our
 * additions: the name as a path (after expanding {@code $VAR}, {@code ${VAR}} and {@code ~}), relative to each
 * {@code searchFirst} directory and then to the working directory; then, except on Windows,
 * {@code $XDG_DATA_HOME/meson/<kind>/NAME} (default {@code ~/.local/share}) and each
 * {@code $XDG_DATA_DIRS} entry (default {@code /usr/local/share:/usr/share}) + {@code /meson/<kind>/NAME};
 * finally a preset bundled in cross-core ({@code NAME} or {@code NAME.ini}). Directories are skipped.
 */
public final class CrossFileLocator {

    private static final String PRESETS = "/dev/crossbuild/presets/";
    private static final Pattern VARIABLE = Pattern.compile("\\$(?:([A-Za-z0-9_]+)|\\{([^}]*)\\})");

    private final HostEnvironment environment;

    public CrossFileLocator(HostEnvironment environment) {
        this.environment = environment;
    }

    /**
     * The first match for {@code name}. {@code searchFirst} are the directories a relative name is tried against
     * before the working directory (the module directory, then the build root).
     */
    public MachineFileSource locate(String name, MachineFileKind kind, List<Path> searchFirst)
            throws CrossFileException {
        String expanded = expandHome(expandVariables(name));
        Path asPath = path(name, expanded, kind);
        Set<Path> candidates = candidates(asPath, kind, searchFirst);
        List<String> tried = new ArrayList<>();
        for (Path candidate : candidates) {
            if (Files.isDirectory(candidate)) {
                tried.add(candidate + " (a directory)");
            } else if (Files.exists(candidate)) {
                // Not only regular files: Meson also reads a FIFO (process substitution) given as the name.
                return MachineFileSource.read(candidate);
            } else {
                tried.add(candidate.toString());
            }
        }

        boolean plainName = !expanded.isEmpty() && asPath.getNameCount() == 1 && !asPath.isAbsolute();
        if (plainName) {
            for (String preset : presetCandidates(expanded)) {
                Optional<byte[]> content = readResource(PRESETS + preset);
                if (content.isPresent()) {
                    return MachineFileSource.of("preset:" + preset, content.get());
                }
                tried.add("bundled preset " + preset);
            }
        }
        throw CrossFileException.ofFile(name, kind.folder() + " file not found; looked in: " + String.join(", ", tried)
                + "; bundled presets: " + String.join(", ", presetNames()));
    }

    /**
     * Every path {@link #locate} tries for {@code name}, in order, before the bundled presets: what a build that
     * found it there must watch, as a file appearing earlier in the list would be read instead.
     */
    public List<Path> candidates(String name, MachineFileKind kind, List<Path> searchFirst) throws CrossFileException {
        return List.copyOf(candidates(path(name, expandHome(expandVariables(name)), kind), kind, searchFirst));
    }

    private static Path path(String name, String expanded, MachineFileKind kind) throws CrossFileException {
        try {
            return Path.of(expanded);
        } catch (InvalidPathException e) {
            throw CrossFileException.ofFile(name, kind.folder() + " file name is not a valid path: " + e.getReason());
        }
    }

    private Set<Path> candidates(Path asPath, MachineFileKind kind, List<Path> searchFirst) {
        Path cwd = environment.workingDirectory();
        Set<Path> candidates = new LinkedHashSet<>();
        if (asPath.isAbsolute()) {
            candidates.add(asPath.normalize());
        } else {
            for (Path dir : searchFirst) {
                candidates.add(cwd.resolve(dir).resolve(asPath).normalize());
            }
            candidates.add(cwd.resolve(asPath).normalize());
            if (!isWindows()) {
                for (Path dataDir : dataDirectories()) {
                    candidates.add(dataDir.resolve("meson").resolve(kind.folder()).resolve(asPath).normalize());
                }
            }
        }
        return candidates;
    }

    /** The presets bundled in cross-core, by file name ({@code linux-arm64.ini}, ...). */
    public static List<String> presetNames() {
        try (InputStream in = CrossFileLocator.class.getResourceAsStream(PRESETS + "index.txt")) {
            if (in == null) {
                return List.of();
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled preset index", e);
        }
    }

    private static List<String> presetCandidates(String name) {
        return name.endsWith(".ini") ? List.of(name) : List.of(name, name + ".ini");
    }

    private static Optional<byte[]> readResource(String resource) {
        try (InputStream in = CrossFileLocator.class.getResourceAsStream(resource)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled " + resource, e);
        }
    }

    /** {@code $XDG_DATA_HOME} (or {@code ~/.local/share}), then each {@code $XDG_DATA_DIRS} entry. */
    private List<Path> dataDirectories() {
        List<Path> dirs = new ArrayList<>();
        Optional<String> dataHome = nonEmpty("XDG_DATA_HOME");
        if (dataHome.isPresent()) {
            dirs.add(environment.workingDirectory().resolve(dataHome.get()));
        } else {
            home().ifPresent(home -> dirs.add(home.resolve(".local/share")));
        }
        String dataDirs = nonEmpty("XDG_DATA_DIRS").orElse("/usr/local/share:/usr/share");
        for (String dir : dataDirs.split(":")) {
            if (!dir.isEmpty()) {
                dirs.add(environment.workingDirectory().resolve(dir));
            }
        }
        return dirs;
    }

    /** Python's {@code os.path.expandvars}: {@code $NAME} and {@code ${NAME}}; unknown variables stay as written. */
    private String expandVariables(String text) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String variable = m.group(1) != null ? m.group(1) : m.group(2);
            String value = environment.variable(variable).orElse(m.group());
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Python's {@code os.path.expanduser} for {@code ~} and {@code ~/...} ({@code ~user} stays as written). */
    private String expandHome(String text) {
        if (!text.equals("~") && !text.startsWith("~/")) {
            return text;
        }
        return home().map(home -> home + text.substring(1)).orElse(text);
    }

    private Optional<Path> home() {
        return nonEmpty("HOME").or(() -> environment.property("user.home")).map(Path::of);
    }

    private Optional<String> nonEmpty(String variable) {
        return environment.variable(variable).filter(v -> !v.isEmpty());
    }

    private boolean isWindows() {
        return environment.property("os.name").map(os -> os.startsWith("Windows")).orElse(false);
    }
}
