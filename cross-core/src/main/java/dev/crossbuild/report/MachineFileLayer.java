package dev.crossbuild.report;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One machine file in layered order: its name as given ({@code preset:linux-arm64.ini} or the path), its absolute
 * path when it is a real file, and the keys whose winning value it wrote (a key a later file overrides is listed
 * under the later file).
 */
public record MachineFileLayer(String name, Optional<String> path, List<Setting> settings) {

    public MachineFileLayer {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        settings = List.copyOf(settings);
    }

    /** {@code [section] key = value} at {@code line}; the value as Meson shows it. */
    public record Setting(String section, String key, String value, int line) {

        public Setting {
            Objects.requireNonNull(section, "section");
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }
}
