package dev.crossbuild.machine;

import java.util.Objects;

/**
 * The build, host and target machines of one configuration. {@code crossBuild} is Meson's
 * {@code meson.is_cross_build()}: true whenever at least one cross file was given, whatever it contains.
 */
public record Machines(Machine build, Machine host, Machine target, boolean crossBuild) {

    public Machines {
        Objects.requireNonNull(build, "build");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(target, "target");
    }

    /** A native build: host and target are the build machine. */
    public static Machines nativeBuild(Machine build) {
        return new Machines(build, build, build, false);
    }

    public Machine machine(MachineRole role) {
        return switch (role) {
            case BUILD -> build;
            case HOST -> host;
            case TARGET -> target;
        };
    }
}
