package dev.crossbuild.toolchain;

import java.util.Objects;
import java.util.Optional;

/**
 * What the user asked of compiler launchers: {@code cache} lets setup put {@code ccache} (else {@code sccache}) in
 * front of every compiler whose machine file names no launcher, when it is on PATH ({@code cross.ccache}, default
 * true); {@code distributor} is a compile farm's client put in front of the host machine's compilers
 * ({@code cross.launcher}: {@code distcc} or {@code icecc}, a name looked up on PATH or a path).
 */
public record LauncherRequest(boolean cache, Optional<String> distributor) {

    public LauncherRequest {
        Objects.requireNonNull(distributor, "distributor");
        distributor = distributor.map(String::strip).filter(name -> !name.isEmpty());
        if (distributor.isPresent() && !Launchers.isDistributor(distributor.get())) {
            throw new IllegalArgumentException("cross.launcher is '" + distributor.get() + "'; give distcc or icecc "
                    + "(a name on PATH or a path to one of them)");
        }
    }

    /** The defaults: a compiler cache when one is on PATH, no compile farm. */
    public static LauncherRequest defaults() {
        return new LauncherRequest(true, Optional.empty());
    }

    /** Nothing added: compilers run exactly as the machine files name them. */
    public static LauncherRequest none() {
        return new LauncherRequest(false, Optional.empty());
    }
}
