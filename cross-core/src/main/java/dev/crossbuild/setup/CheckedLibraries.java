package dev.crossbuild.setup;

import dev.crossbuild.machine.MachineRole;
import dev.crossbuild.nativebuild.NativeTarget;
import dev.crossbuild.toolchain.DoctorRequest;
import java.util.List;
import java.util.Set;

/**
 * The libraries the doctor checks for a module without being asked: the pkg-config dependencies of its host targets
 * that the doctor has a check for (zlib), so that setup reports a missing one with its remedy before pkg-config fails
 * on it in native-link.
 */
public final class CheckedLibraries {

    private CheckedLibraries() {
    }

    public static Set<String> of(List<NativeTarget> targets) {
        return DoctorRequest.checkable(targets.stream().filter(t -> t.machine() == MachineRole.HOST)
                .flatMap(t -> t.dependencies().stream()).toList());
    }
}
