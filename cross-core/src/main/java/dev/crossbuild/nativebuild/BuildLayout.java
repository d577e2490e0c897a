package dev.crossbuild.nativebuild;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where everything of one classifier goes, under {@code target/cross/<classifier>/} (DESIGN section 3): objects
 * per target under {@code obj/library/<name>/} or {@code obj/executable/<name>/} (a library and an executable may
 * share a name; both libraries share one set of objects), libraries in {@code lib/}, executables in {@code bin/}, split debug
 * information in {@code debug/}, generated headers in {@code include/}, JNI's {@code jni_md.h} in
 * {@code jni-include/}, the compilation database and the outputs' description beside them. Build-machine tools
 * get their own tree under {@code build-machine/}; the sources their generators write go to
 * {@code generated/<target>/}; native test programs get their own tree under {@code test/}.
 */
public record BuildLayout(Path root) {

    public BuildLayout {
        Objects.requireNonNull(root, "root");
        root = root.toAbsolutePath().normalize();
    }

    // equals and hashCode written out: a record's generated ones are bootstrapped through invokedynamic on first use,
    // which costs milliseconds in each build's fresh JVM (every goal keys its work by layout).
    @Override
    public boolean equals(Object other) {
        return other instanceof BuildLayout that && root.equals(that.root);
    }

    @Override
    public int hashCode() {
        return root.hashCode();
    }

    public Path setupJson() {
        return root.resolve("setup.json");
    }

    public Path objects(NativeTarget target) {
        return root.resolve("obj").resolve(target.isLibrary() ? "library" : "executable").resolve(target.name());
    }

    public Path lib() {
        return root.resolve("lib");
    }

    public Path bin() {
        return root.resolve("bin");
    }

    public Path debug() {
        return root.resolve("debug");
    }

    public Path include() {
        return root.resolve("include");
    }

    public Path jniInclude() {
        return root.resolve("jni-include");
    }

    /** {@code generated/<target>/}: where a target's generators write by default. */
    public Path generated(NativeTarget target) {
        return root.resolve("generated").resolve(target.name());
    }

    public Path compileCommands() {
        return root.resolve("compile_commands.json");
    }

    public Path outputsJson() {
        return root.resolve("outputs.json");
    }

    /**
     * The layout of the module's native test programs ({@code test/}): their objects, executables and incremental
     * state, apart from the module's own outputs, which they link against.
     */
    public BuildLayout test() {
        return new BuildLayout(root.resolve("test"));
    }

    /** The layout of the build-machine tools of this build. */
    public BuildLayout buildMachine() {
        return new BuildLayout(root.resolve("build-machine"));
    }
}
