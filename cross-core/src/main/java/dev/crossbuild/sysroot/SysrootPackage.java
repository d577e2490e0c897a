package dev.crossbuild.sysroot;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** A package unpacked into a sysroot: its name, version, architecture and the SHA-256 of its {@code .deb}. */
public record SysrootPackage(String name, String version, String architecture, String sha256) {

    public SysrootPackage {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(sha256, "sha256");
    }

    static SysrootPackage of(PackageRecord record) {
        return new SysrootPackage(record.name(), record.version(), record.architecture(), record.sha256());
    }

    /** {@code zlib1g-dev 1:1.2.13.dfsg-1+deb12u1}. */
    @Override
    public String toString() {
        return name + " " + version;
    }

    Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name);
        json.put("version", version);
        json.put("architecture", architecture);
        json.put("sha256", sha256);
        return json;
    }
}
