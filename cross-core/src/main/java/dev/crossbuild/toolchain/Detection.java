package dev.crossbuild.toolchain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link ToolchainDetector} found for one machine: the toolchain, holding the compilers that were found and
 * confirmed (possibly fewer than were asked for; empty when none was), and the findings of detection itself
 * (each compiler and tool: found, missing, for the wrong machine, not runnable). Check {@link #blocking()} before
 * building with it.
 */
public record Detection(Optional<Toolchain> toolchain, List<Finding> findings) {

    public Detection {
        Objects.requireNonNull(toolchain, "toolchain");
        findings = List.copyOf(findings);
    }

    /** True when a finding says the build cannot work. */
    public boolean blocking() {
        return findings.stream().anyMatch(Finding::blocking);
    }

    public Optional<Finding> finding(String id) {
        return findings.stream().filter(f -> f.id().equals(id)).findFirst();
    }
}
