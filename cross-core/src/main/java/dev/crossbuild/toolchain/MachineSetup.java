package dev.crossbuild.toolchain;

import dev.crossbuild.crossfile.BinaryTable;
import dev.crossbuild.crossfile.CrossEnvironment;
import dev.crossbuild.crossfile.CrossFileException;
import dev.crossbuild.crossfile.CrossProperties;
import dev.crossbuild.crossfile.Entry;
import dev.crossbuild.crossfile.MachineConfig;
import dev.crossbuild.crossfile.MachineFile;
import dev.crossbuild.crossfile.MachineFileContext;
import dev.crossbuild.crossfile.MachineFileSource;
import dev.crossbuild.crossfile.Value;
import dev.crossbuild.exec.HostEnvironment;
import dev.crossbuild.machine.Machine;
import dev.crossbuild.machine.MachineRole;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One machine as the toolchain code sees it: which machine, whether it is foreign to the build machine in Meson's
 * sense (a cross build never falls back to the build machine's {@code cc}), its {@code [binaries]} and options, and
 * where in which file each entry was written, for messages that name {@code file:line}.
 */
final class MachineSetup {

    private static final String BINARIES = "binaries";

    private final MachineRole role;
    private final Machine machine;
    private final Machine buildMachine;
    private final boolean cross;
    private final MachineConfig config;
    private final List<MachineFileSource> files;
    private final Optional<MachineFile> parsed;

    private MachineSetup(MachineRole role, Machine machine, Machine buildMachine, boolean cross, MachineConfig config,
            List<MachineFileSource> files, Optional<MachineFile> parsed) {
        this.role = role;
        this.machine = machine;
        this.buildMachine = buildMachine;
        this.cross = cross;
        this.config = config;
        this.files = files;
        this.parsed = parsed;
    }

    /**
     * The host machine reads the cross files (the native files in a native build), the build machine the native
     * files; Meson has no programs for the target machine, so only conventions apply to it.
     */
    static MachineSetup of(CrossEnvironment environment, MachineRole role, HostEnvironment host) {
        Machine build = environment.machines().build();
        Machine machine = environment.machines().machine(role);
        boolean crossBuild = environment.isCrossBuild();
        return switch (role) {
            case HOST -> {
                List<MachineFileSource> files = crossBuild ? environment.crossFiles() : environment.nativeFiles();
                yield new MachineSetup(role, machine, build, crossBuild, environment.host(), files,
                        locations(files, host));
            }
            case BUILD -> new MachineSetup(role, machine, build, false, environment.build(),
                    environment.nativeFiles(), locations(environment.nativeFiles(), host));
            case TARGET -> new MachineSetup(role, machine, build, crossBuild && !machine.equals(build),
                    MachineConfig.empty(), environment.crossFiles(), Optional.empty());
        };
    }

    /**
     * The evaluated values come from the CrossEnvironment; the files are parsed once more only to learn where each
     * entry was written (the environment keeps values, not locations). With the home directory for {@code ~} this
     * cannot fail where the first parse succeeded, but a failure only costs the line numbers.
     */
    private static Optional<MachineFile> locations(List<MachineFileSource> files, HostEnvironment host) {
        if (files.isEmpty()) {
            return Optional.empty();
        }
        try {
            MachineFileContext context =
                    new MachineFileContext(Optional.empty(), host.property("user.home").map(Path::of));
            return Optional.of(MachineFile.parse(files, context));
        } catch (CrossFileException | RuntimeException e) {
            return Optional.empty();
        }
    }

    MachineRole role() {
        return role;
    }

    Machine machine() {
        return machine;
    }

    Machine buildMachine() {
        return buildMachine;
    }

    /** True when the build machine's own compilers must not be used for this machine. */
    boolean cross() {
        return cross;
    }

    BinaryTable binaries() {
        return config.binaries();
    }

    /** The argv of a {@code [binaries]} entry; empty when absent or "not set" ({@code []}). */
    Optional<List<String>> binary(String key) {
        return config.binaries().argv(key);
    }

    /** Built-in option {@code key} ({@code c_args}, {@code c_link_args}) as a list of strings; empty when unset. */
    List<String> stringListOption(String key) {
        Value value = config.builtInOptions().get(key);
        List<String> strings = new ArrayList<>();
        if (value instanceof Value.Str s) {
            strings.add(s.value());
        } else if (value instanceof Value.Array array) {
            for (Value element : array.elements()) {
                if (element instanceof Value.Str s) {
                    strings.add(s.value());
                }
            }
        }
        return strings;
    }

    Optional<Value> property(String key) {
        return Optional.ofNullable(config.properties().get(key));
    }

    /**
     * The {@code <library>} of the module a custom standard library property names for {@code language}
     * ({@code c_stdlib}, {@code cpp_stdlib}; {@link CrossProperties#standardLibrary}); empty when not set, and for the
     * build machine, whose tools keep their toolchain's.
     */
    Optional<String> standardLibrary(Language language) {
        if (role != MachineRole.HOST) {
            return Optional.empty();
        }
        return CrossProperties.standardLibrary(config.properties(), language.standardLibraryKey());
    }

    Optional<Entry> entry(String section, String key) {
        return parsed.flatMap(file -> file.entry(section, key));
    }

    /** {@code linux-arm64.ini:15 [binaries] c}, or {@code [binaries] c of linux-arm64.ini} without a line. */
    String binaryOrigin(String key) {
        return origin(BINARIES, key);
    }

    String origin(String section, String key) {
        Optional<Entry> entry = entry(section, key);
        if (entry.isPresent()) {
            return entry.get().location() + " [" + section + "] " + key;
        }
        return "[" + section + "] " + key + " of " + fileNames();
    }

    /** The file to edit to set {@code [section] key}: where it is written, else the last file of this machine. */
    String fileToEdit(String section, String key) {
        Optional<Entry> entry = entry(section, key);
        if (entry.isPresent()) {
            return entry.get().location();
        }
        if (files.isEmpty()) {
            return role == MachineRole.BUILD || !cross ? "a native file (-Dcross.nativeFile)" : "the cross file";
        }
        return files.get(files.size() - 1).name();
    }

    /** Where {@code [host_machine]} (or the section describing this machine) is written, for messages. */
    Optional<String> machineSectionLocation() {
        String name = role.key() + "_machine";
        return parsed.flatMap(file -> file.section(name))
                .map(section -> section.file() + ":" + section.line() + " [" + name + "]");
    }

    /** {@code linux-arm64.ini}, {@code a.ini + b.ini}, or {@code no machine file}. */
    String fileNames() {
        if (files.isEmpty()) {
            return "no machine file";
        }
        return String.join(" + ", files.stream().map(MachineFileSource::name).toList());
    }

    /** {@code host machine}, {@code build machine}. */
    String label() {
        return role.key() + " machine";
    }
}
