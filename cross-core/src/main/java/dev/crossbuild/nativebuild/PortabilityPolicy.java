package dev.crossbuild.nativebuild;

import dev.crossbuild.binary.SymbolVersion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The portability gate of native-link ({@code <portability>}): which checks run on every linked shared library and
 * executable, and whether their problems fail the build ({@code enforce}) or are only reported (the log,
 * {@code outputs.json}, the site report).
 *
 * <ul>
 *   <li>{@code maxGlibc} / {@code maxGlibcxx}: no symbol version above {@code GLIBC_<max>} (the C library) or
 *       {@code GLIBCXX_<max>} (libstdc++); empty: not checked.</li>
 *   <li>Needed libraries ({@code DT_NEEDED}, DLL imports, Mach-O load commands): the system libraries of the host
 *       OS ({@link SystemLibraries}), the module's own shared libraries (and its native dependencies', packed with
 *       them) and {@code allowedLibraries} (file names,
 *       {@code *} and {@code ?} as wildcards). MinGW's runtime DLLs are named with their own remedy.</li>
 *   <li>No executable stack, no text relocations, no run path into {@code buildFolders} (the module and its build
 *       folder: absolute paths there exist only on the build machine).</li>
 * </ul>
 *
 * {@code skip}: no checks, and no {@code portability} entries left in {@code outputs.json}.
 */
public record PortabilityPolicy(boolean skip, boolean enforce, Optional<String> maxGlibc, Optional<String> maxGlibcxx,
        List<String> allowedLibraries, List<Path> buildFolders) {

    /** Bumped when a check changes, so that entries written by an older check are made again. */
    static final String CHECKS_VERSION = "1";

    /**
     * @throws IllegalArgumentException {@code maxGlibc} or {@code maxGlibcxx} is not a dotted version ({@code 2.28}),
     *     or an allowed library is blank or holds a path separator
     */
    public PortabilityPolicy {
        Objects.requireNonNull(maxGlibc, "maxGlibc");
        Objects.requireNonNull(maxGlibcxx, "maxGlibcxx");
        maxGlibc = maxGlibc.map(String::strip).filter(v -> !v.isEmpty());
        maxGlibcxx = maxGlibcxx.map(String::strip).filter(v -> !v.isEmpty());
        version("maxGlibc", maxGlibc, "GLIBC", "2.28");
        version("maxGlibcxx", maxGlibcxx, "GLIBCXX", "3.4.25");
        List<String> allowed = new ArrayList<>();
        for (String library : allowedLibraries) {
            String name = library == null ? "" : library.strip();
            if (name.isEmpty() || name.contains("/") || name.contains("\\")) {
                throw new IllegalArgumentException("<allowedLibraries> holds '" + library + "'; give a library's file "
                        + "name as the output names it (libz.so.1, zlib1.dll), with * and ? as wildcards");
            }
            allowed.add(name);
        }
        allowedLibraries = List.copyOf(allowed);
        buildFolders = buildFolders.stream().map(p -> p.toAbsolutePath().normalize()).toList();
    }

    /** Every check with its default (no version limits, nothing allowed beyond the system and the module), reported. */
    public static PortabilityPolicy defaults(List<Path> buildFolders) {
        return new PortabilityPolicy(false, false, Optional.empty(), Optional.empty(), List.of(), buildFolders);
    }

    Optional<SymbolVersion> glibcLimit() {
        return maxGlibc.flatMap(v -> SymbolVersion.of("GLIBC", v));
    }

    Optional<SymbolVersion> glibcxxLimit() {
        return maxGlibcxx.flatMap(v -> SymbolVersion.of("GLIBCXX", v));
    }

    /**
     * What the findings of an output depend on besides the output itself, as {@code outputs.json} records it: an
     * up-to-date output's recorded findings are reused while this is unchanged. ({@code enforce} is not part of it:
     * it decides what happens to the findings, not what they are; the build folders are absolute paths, and a moved
     * module is linked again anyway.)
     */
    Map<String, Object> key() {
        Map<String, Object> key = new LinkedHashMap<>();
        key.put("checks", CHECKS_VERSION);
        key.put("max_glibc", maxGlibc.orElse(null));
        key.put("max_glibcxx", maxGlibcxx.orElse(null));
        key.put("allowed_libraries", allowedLibraries);
        return key;
    }

    /** {@code maxGlibc 2.17, maxGlibcxx 3.4.19}: the limits, for messages; empty without any. */
    String limits() {
        List<String> limits = new ArrayList<>();
        maxGlibc.ifPresent(v -> limits.add("maxGlibc " + v));
        maxGlibcxx.ifPresent(v -> limits.add("maxGlibcxx " + v));
        return String.join(", ", limits);
    }

    private static void version(String parameter, Optional<String> value, String prefix, String example) {
        if (value.isPresent() && SymbolVersion.of(prefix, value.get()).isEmpty()) {
            throw new IllegalArgumentException("<portability><" + parameter + "> is '" + value.get()
                    + "'; give the version as dotted numbers, e.g. " + example + " (for " + prefix + "_" + example + ")");
        }
    }
}
