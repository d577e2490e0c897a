package dev.crossbuild.toolchain;

import dev.crossbuild.machine.Machine;
import java.util.Optional;
import java.util.Set;

/**
 * Combinations of build and host system that no package manager can set up, explained up front as .NET Native
 * AOT's documentation does ("cross-OS native compilation is not supported") instead of failing deep in a link:
 * Apple systems from elsewhere need Apple's SDK, Android needs the NDK. With {@code [binaries] c} set (and for
 * Apple a {@code sys_root}) the user brought such a toolchain: then it is only a note, and the other checks decide.
 */
final class CrossOsCheck {

    static final String ID = "cross-os";
    private static final String SUBJECT = "target operating system";
    private static final Set<String> APPLE = Set.of("darwin", "ios", "tvos", "watchos", "visionos");

    private CrossOsCheck() {
    }

    static Optional<Finding> check(MachineSetup setup) {
        Machine host = setup.machine();
        Machine build = setup.buildMachine();
        if (host.system().equals(build.system())) {
            return Optional.empty();
        }
        String combination = TargetMatch.platform(host) + " from " + TargetMatch.platform(build);
        String file = setup.fileToEdit("binaries", "c");
        boolean compilerGiven = setup.binary("c").isPresent() || setup.binary("cpp").isPresent();
        if (APPLE.contains(host.system())) {
            if (compilerGiven && setup.property("sys_root").isPresent()) {
                return Optional.of(Finding.warning(ID, SUBJECT, "building for " + combination + " relies on the "
                        + "Apple SDK toolchain named in " + setup.fileNames() + " (e.g. osxcross); cross checks it "
                        + "like any other", Optional.empty()));
            }
            return Optional.of(Finding.error(ID, SUBJECT, "building for " + combination + " needs Apple's SDK "
                    + "(headers, libSystem, the ld64 linker), which no Linux or Windows distribution packages; like "
                    + ".NET Native AOT, which does not support cross-OS builds, cross cannot set this up",
                    Optional.of("build on a macOS machine (e.g. a macOS CI runner), or install an osxcross toolchain "
                            + "and set c and cpp in [binaries] and sys_root in [properties] of " + file)));
        }
        if (host.system().equals("android") && !compilerGiven) {
            return Optional.of(Finding.error(ID, SUBJECT, "building for " + combination + " needs the Android NDK, "
                    + "which Debian does not package", Optional.of("install the Android NDK and set c = "
                    + "'<ndk>/toolchains/llvm/prebuilt/linux-x86_64/bin/" + host.cpuFamily()
                    + "-linux-android21-clang' (and cpp) in [binaries] of " + file)));
        }
        return Optional.empty();
    }
}
