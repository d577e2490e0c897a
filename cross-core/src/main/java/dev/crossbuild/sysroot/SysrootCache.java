package dev.crossbuild.sysroot;

import dev.crossbuild.exec.HostEnvironment;
import java.nio.file.Path;

/**
 * Where sysroots are kept: {@code $XDG_CACHE_HOME/cross/sysroots}, else {@code ~/.cache/cross/sysroots}, shared by
 * every project of the user. Inside: {@code <arch>-<key>/} per sysroot (complete or absent: each is unpacked under
 * {@code .tmp/} and renamed into place), {@code .apt/<arch>-<sources>/} the private package indexes, each with its
 * {@code .lock}. Everything in it can be deleted at any time; it is fetched again when needed.
 */
public final class SysrootCache {

    private SysrootCache() {
    }

    /** The default cache folder of the user running the build. */
    public static Path defaultFolder(HostEnvironment environment) {
        return environment.userCacheFolder().resolve("sysroots");
    }
}
