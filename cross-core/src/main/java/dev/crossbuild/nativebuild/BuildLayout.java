package dev.crossbuild.nativebuild;

import dev.crossbuild.io.FolderLock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        return objectsRoot().resolve(target.isLibrary() ? "library" : "executable").resolve(target.name());
    }

    /** {@code obj/}: every target's objects. */
    public Path objectsRoot() {
        return root.resolve("obj");
    }

    /** {@code tmp/}: where links work before their outputs are renamed into place. */
    public Path temporary() {
        return root.resolve("tmp");
    }

    /** {@code generated/}: what generators write, per target, and their work folder. */
    public Path generatedRoot() {
        return root.resolve("generated");
    }

    /**
     * What no goal's up-to-date stamp watches in this folder: the lock (its text names each build), the links'
     * scratch folders, and the native tests' tree, which the test goal (never skipped) rewrites every run.
     */
    public List<Path> unwatched() {
        return List.of(root.resolve(FolderLock.FILE_NAME), temporary(), test().root());
    }

    /**
     * {@link #unwatched()} and what the compile and native-link goals write here (the objects, outputs, build-machine
     * tools, generated sources, JNI's {@code jni_md.h} and their state files): the setup goal's stamp leaves them to
     * those goals' stamps, and watches the rest (setup.json, its caches, {@code include/}).
     */
    public List<Path> writtenAfterSetup() {
        List<Path> paths = new ArrayList<>(unwatched());
        paths.addAll(List.of(objectsRoot(), lib(), bin(), debug(), generatedRoot(), buildMachine().root(),
                jniInclude(), compileCommands(), outputsJson(), root.resolve(NativeCompiler.STATE_FILE),
                root.resolve(NativeLinker.STATE_FILE), root.resolve(GeneratorRunner.STATE_FILE)));
        return List.copyOf(paths);
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
        return generatedRoot().resolve(target.name());
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
