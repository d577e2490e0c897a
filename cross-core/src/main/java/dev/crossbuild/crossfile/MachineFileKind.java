package dev.crossbuild.crossfile;

import java.util.Locale;

/** Which role a machine file plays; also the name of Meson's data subfolder it is searched in. */
public enum MachineFileKind {
    /** Describes the host (and target) machine: {@code --cross-file}, {@code meson/cross/}. */
    CROSS,
    /** Describes the build machine: {@code --native-file}, {@code meson/native/}. */
    NATIVE;

    /** Meson's folder name and the word used in messages: {@code cross} or {@code native}. */
    public String folder() {
        return name().toLowerCase(Locale.ROOT);
    }
}
