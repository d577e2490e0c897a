package dev.crossbuild.sysroot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One package as the signed index describes it ({@code apt-cache show --no-all-versions}): the candidate version, its
 * architecture ({@code all} for architecture-independent packages), {@code Multi-Arch} ({@code same}, {@code foreign},
 * {@code allowed} or empty), and the SHA-256 of its {@code .deb}, which apt and cross check the download against.
 */
record PackageRecord(String name, String version, String architecture, String multiArch, String sha256) {

    PackageRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(multiArch, "multiArch");
        Objects.requireNonNull(sha256, "sha256");
    }

    /**
     * A library or header package that belongs in a sysroot: {@code Multi-Arch: same} (installable beside the build
     * machine's own, as multiarch installs {@code libfoo-dev:arm64}) or {@code Architecture: all}. Anything else is a
     * program for the machine it runs on (a compiler, pkgconf's binary, python3), which a cross build takes from the
     * build machine.
     */
    boolean belongsInSysroot() {
        return multiArch.equals("same") || architecture.equals("all");
    }

    /** {@code name=version}, as {@code apt-get download} takes it. */
    String pinned() {
        return name + "=" + version;
    }

    /**
     * The stanzas of {@code apt-cache show} output, by package name (the first stanza of a name wins: with
     * {@code --no-all-versions} there is one). Stanzas without Package or Version are skipped.
     */
    static Map<String, PackageRecord> parseShow(String output) {
        Map<String, PackageRecord> records = new LinkedHashMap<>();
        for (Map<String, String> stanza : stanzas(output)) {
            String name = stanza.get("Package");
            String version = stanza.get("Version");
            if (name == null || version == null) {
                continue;
            }
            records.putIfAbsent(name, new PackageRecord(name, version, stanza.getOrDefault("Architecture", ""),
                    stanza.getOrDefault("Multi-Arch", ""), stanza.getOrDefault("SHA256", "")));
        }
        return records;
    }

    /** Deb822 paragraphs: {@code Key: value} lines, continuation lines (leading space) skipped, blank lines between. */
    private static List<Map<String, String>> stanzas(String output) {
        List<Map<String, String>> stanzas = new ArrayList<>();
        Map<String, String> current = new LinkedHashMap<>();
        for (String line : output.split("\n", -1)) {
            if (line.isBlank()) {
                if (!current.isEmpty()) {
                    stanzas.add(current);
                    current = new LinkedHashMap<>();
                }
                continue;
            }
            if (line.startsWith(" ") || line.startsWith("\t")) {
                continue;
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                current.putIfAbsent(line.substring(0, colon), line.substring(colon + 1).strip());
            }
        }
        if (!current.isEmpty()) {
            stanzas.add(current);
        }
        return stanzas;
    }
}
