package dev.crossbuild.setup;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The build's part of a private sysroot: the Debian {@code packages} the POM or command line names
 * ({@code cross.sysrootPackages}; the cross file's {@code [properties] sysroot_packages} are added to them), the cache
 * folder ({@code cross.sysrootCache}; empty: {@code $XDG_CACHE_HOME} or {@code ~/.cache} + {@code /cross/sysroots}),
 * whether the build is {@code offline} (Maven's {@code -o}) or asks to {@code refresh} the package index (Maven's
 * {@code -U}), how long to wait for another build fetching for the same architecture, and where progress lines go
 * (fetching takes seconds).
 */
public record SysrootSettings(List<String> packages, Optional<Path> cache, boolean offline, boolean refresh,
                              Duration lockTimeout, Consumer<String> progress) {

    public SysrootSettings {
        packages = List.copyOf(packages);
        Objects.requireNonNull(cache, "cache");
        Objects.requireNonNull(lockTimeout, "lockTimeout");
        Objects.requireNonNull(progress, "progress");
    }

    /** No packages from the build (the cross file may still name some), online, the default cache. */
    public static SysrootSettings defaults() {
        return new SysrootSettings(List.of(), Optional.empty(), false, false, Duration.ofMinutes(5), line -> { });
    }
}
