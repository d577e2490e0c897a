package dev.crossbuild.crossfile;

import dev.crossbuild.machine.CpuFamilies;
import dev.crossbuild.machine.Endian;
import dev.crossbuild.machine.Machine;
import dev.crossbuild.machine.OperatingSystems;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns {@code [host_machine]} / {@code [target_machine]} into a {@link Machine}. Stricter than Meson where Meson
 * would go on with a value nothing understands: every value must be a string (HEAD asserts, 1.0.1 passes anything
 * on) and endian must be {@code little} or {@code big} (Meson only warns). Unknown families and systems warn, as in
 * Meson, but suggest the likely intended name.
 */
final class MachineSectionReader {

    private static final List<String> REQUIRED = List.of("system", "cpu_family", "cpu", "endian");
    private static final List<String> KNOWN = List.of("system", "cpu_family", "cpu", "endian", "kernel", "subsystem");
    private static final Map<String, String> EXAMPLES = Map.of("system", "linux", "cpu_family", "aarch64",
            "cpu", "cortex-a53", "endian", "little", "kernel", "linux", "subsystem", "linux");

    /** Spellings from other naming schemes (Debian, GNU, Java, Rust) that are not typos of a Meson family. */
    private static final Map<String, String> FAMILY_ALIASES = Map.ofEntries(
            Map.entry("arm64", "aarch64"), Map.entry("aarch64_be", "aarch64"), Map.entry("armv8", "aarch64"),
            Map.entry("amd64", "x86_64"), Map.entry("x64", "x86_64"), Map.entry("x86-64", "x86_64"),
            Map.entry("i386", "x86"), Map.entry("i486", "x86"), Map.entry("i586", "x86"), Map.entry("i686", "x86"),
            Map.entry("ia32", "x86"), Map.entry("x32", "x86_64"),
            Map.entry("armhf", "arm"), Map.entry("armel", "arm"), Map.entry("armv6", "arm"),
            Map.entry("armv7", "arm"), Map.entry("armv7l", "arm"), Map.entry("armv7a", "arm"),
            Map.entry("powerpc", "ppc"), Map.entry("powerpc64", "ppc64"), Map.entry("ppc64le", "ppc64"),
            Map.entry("ppc64el", "ppc64"), Map.entry("powerpc64le", "ppc64"),
            Map.entry("mipsel", "mips"), Map.entry("mips64el", "mips64"),
            Map.entry("riscv", "riscv64"), Map.entry("rv64", "riscv64"), Map.entry("rv32", "riscv32"),
            Map.entry("loong64", "loongarch64"), Map.entry("sparcv9", "sparc64"), Map.entry("s390x64", "s390x"));

    private static final Map<String, String> SYSTEM_ALIASES = Map.ofEntries(
            Map.entry("macos", "darwin"), Map.entry("macosx", "darwin"), Map.entry("osx", "darwin"),
            Map.entry("ios", "darwin"), Map.entry("mac", "darwin"), Map.entry("apple", "darwin"),
            Map.entry("win", "windows"), Map.entry("win32", "windows"), Map.entry("win64", "windows"),
            Map.entry("mingw", "windows"), Map.entry("mingw32", "windows"), Map.entry("w64", "windows"),
            Map.entry("linux-gnu", "linux"), Map.entry("gnu/linux", "linux"), Map.entry("solaris", "sunos"),
            Map.entry("illumos", "sunos"), Map.entry("hurd", "gnu"), Map.entry("wasi", "emscripten"));

    private MachineSectionReader() {
    }

    static Machine read(Section section, List<CrossFileWarning> warnings) throws CrossFileException {
        for (Entry entry : section.entries()) {
            if (!KNOWN.contains(entry.key())) {
                warnings.add(new CrossFileWarning(entry.file(), entry.line(), Optional.of(entry.key()),
                        "unknown key " + entry.key() + " in [" + section.name() + "] is ignored (Meson ignores it too)"
                                + Suggestions.didYouMean(Suggestions.closest(entry.key(), KNOWN), "", "")));
            } else if (!(entry.value() instanceof Value.Str)) {
                throw new CrossFileException(entry.file(), entry.line(), entry.key(), "[" + section.name() + "] "
                        + entry.key() + " must be a string, found " + ValueText.described(entry.value())
                        + "; write it in single quotes, e.g. " + entry.key() + " = '" + EXAMPLES.get(entry.key())
                        + "'");
            } else if (entry.key().equals("cpu_family") && !CpuFamilies.isKnown(string(entry))) {
                warnings.add(unknownValue(section, entry, "CPU families", "Unknown CPU family",
                        sorted(CpuFamilies.known()), FAMILY_ALIASES));
            } else if (entry.key().equals("system") && !OperatingSystems.isKnown(string(entry))) {
                warnings.add(unknownValue(section, entry, "systems", "Unknown system",
                        sorted(OperatingSystems.known()), SYSTEM_ALIASES));
            }
        }
        List<String> missing = REQUIRED.stream().filter(k -> section.entry(k).isEmpty()).toList();
        if (!missing.isEmpty()) {
            String present = section.entries().stream()
                    .map(e -> e.key() + " = " + ValueText.literal(e.value()))
                    .collect(Collectors.joining(", "));
            throw new CrossFileException(section.file(), section.line(), missing.get(0), "[" + section.name()
                    + "] is missing " + String.join(", ", missing) + " (it has "
                    + (present.isEmpty() ? "no keys" : present) + "); a machine section needs system, cpu_family, "
                    + "cpu and endian" + misspelt(section, missing));
        }

        Entry endianEntry = section.entry("endian").orElseThrow();
        String endianText = string(endianEntry);
        Endian endian = Endian.parse(endianText).orElseThrow(() -> new CrossFileException(endianEntry.file(),
                endianEntry.line(), "endian", "[" + section.name() + "] endian must be 'little' or 'big', found '"
                + endianText + "'; Meson knows only these two spellings (it warns \"Unknown endian " + endianText
                + "\" and passes the value on, so nothing treats it as either)"));

        return new Machine(string(section.entry("system").orElseThrow()),
                string(section.entry("cpu_family").orElseThrow()), string(section.entry("cpu").orElseThrow()), endian,
                section.entry("kernel").map(MachineSectionReader::string),
                section.entry("subsystem").map(MachineSectionReader::string));
    }

    /** A value Meson does not know but accepts with a warning (spec 3.1, 3.2); ours adds "did you mean". */
    private static CrossFileWarning unknownValue(Section section, Entry entry, String table, String mesonWarning,
            List<String> known, Map<String, String> aliases) {
        String value = string(entry);
        return new CrossFileWarning(entry.file(), entry.line(), Optional.of(entry.key()), "[" + section.name() + "] "
                + entry.key() + " '" + value + "' is not one of Meson's " + table + " (Meson warns \"" + mesonWarning
                + " " + value + "\" and goes on)"
                + Suggestions.didYouMean(Suggestions.closest(value, known, aliases), "'", "'"));
    }

    /** {@code ; cpu-family should be cpu_family} for present unknown keys that look like a missing one. */
    private static String misspelt(Section section, List<String> missing) {
        StringBuilder hints = new StringBuilder();
        for (Entry entry : section.entries()) {
            if (!KNOWN.contains(entry.key())) {
                Suggestions.closest(entry.key(), missing).ifPresent(
                        m -> hints.append("; ").append(entry.key()).append(" should probably be ").append(m));
            }
        }
        return hints.toString();
    }

    private static String string(Entry entry) {
        return ((Value.Str) entry.value()).value();
    }

    /** Sorted so that ties in "did you mean" resolve the same way on every run. */
    private static List<String> sorted(Set<String> names) {
        List<String> list = new ArrayList<>(names);
        list.sort(null);
        return list;
    }
}
