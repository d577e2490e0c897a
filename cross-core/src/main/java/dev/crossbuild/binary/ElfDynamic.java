package dev.crossbuild.binary;

import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the dynamic section says: the libraries the file needs ({@code DT_NEEDED}, in order), its own
 * {@code DT_SONAME}, its search paths ({@code DT_RUNPATH}, the older {@code DT_RPATH}), {@code DT_FLAGS_1}, the
 * symbol versions it needs from each library ({@code DT_VERNEED}: {@code libc.so.6 -> [GLIBC_2.17, ...]}),
 * {@code DT_FLAGS}, and whether a {@code DT_TEXTREL} entry is present. Objects and static executables have none of
 * it: {@link #NONE}.
 */
public record ElfDynamic(List<String> needed, Optional<String> soname, Optional<String> runpath,
        Optional<String> rpath, long flags1, Map<String, List<String>> versionsNeeded, long flags,
        boolean textrelEntry) {

    public static final ElfDynamic NONE = new ElfDynamic(List.of(), Optional.empty(), Optional.empty(),
            Optional.empty(), 0, Map.of(), 0, false);

    private static final long DF_1_PIE = 0x08000000L;
    private static final long DF_TEXTREL = 0x4;
    private static final Pattern GLIBC_VERSION = Pattern.compile("GLIBC_\\d+(\\.\\d+)*");

    public ElfDynamic {
        needed = List.copyOf(needed);
        versionsNeeded = Collections.unmodifiableMap(new LinkedHashMap<>(versionsNeeded));
    }

    /** {@code DF_1_PIE}: the linker marked the file a position-independent executable, not a library. */
    public boolean pie() {
        return (flags1 & DF_1_PIE) != 0;
    }

    /**
     * Text relocations: the dynamic loader must write into the code segment to relocate it ({@code DT_TEXTREL}, or
     * {@code DF_TEXTREL} in {@code DT_FLAGS}). Objects compiled without {@code -fPIC} cause it; hardened systems
     * (SELinux {@code execmod}, PaX) refuse to load such a file.
     */
    public boolean textrel() {
        return textrelEntry || (flags & DF_TEXTREL) != 0;
    }

    /**
     * The highest {@code GLIBC_x.y[.z]} version needed from any library, compared numerically
     * ({@code GLIBC_2.34} is above {@code GLIBC_2.4}); names such as {@code GLIBC_PRIVATE} do not count.
     */
    public Optional<String> maxGlibc() {
        return versionsNeeded.values().stream()
                .flatMap(List::stream)
                .filter(v -> GLIBC_VERSION.matcher(v).matches())
                .max(Comparator.comparing(ElfDynamic::numbers, Arrays::compare))
                .map(v -> v.substring("GLIBC_".length()));
    }

    private static int[] numbers(String glibcVersion) {
        return Arrays.stream(glibcVersion.substring("GLIBC_".length()).split("\\."))
                .mapToInt(part -> part.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(part))
                .toArray();
    }
}
