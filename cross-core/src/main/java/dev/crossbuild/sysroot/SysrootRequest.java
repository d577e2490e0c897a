package dev.crossbuild.sysroot;

import dev.crossbuild.machine.Machine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What to fetch: the Debian {@code packages} (binary package names, no architecture qualifier) for the {@code host}
 * machine, whose C library is musl when {@code musl}; the archives as one-line apt source entries ({@code sources},
 * empty: the build machine's apt sources); the {@code cache} folder shared by projects
 * ({@link SysrootCache#defaultFolder}); {@code offline}: never touch the network (Maven's {@code -o});
 * {@code refresh}: fetch the archive's index again even when it is less than a day old (Maven's {@code -U}); how long
 * to wait for another build working on the same architecture's index ({@code lockTimeout}).
 */
public record SysrootRequest(Machine host, boolean musl, List<String> packages, List<String> sources, Path cache,
                             boolean offline, boolean refresh, Duration lockTimeout) {

    public SysrootRequest {
        Objects.requireNonNull(host, "host");
        packages = List.copyOf(packages);
        sources = List.copyOf(sources);
        Objects.requireNonNull(cache, "cache");
        Objects.requireNonNull(lockTimeout, "lockTimeout");
    }
}
