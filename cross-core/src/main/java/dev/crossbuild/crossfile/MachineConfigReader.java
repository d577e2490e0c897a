package dev.crossbuild.crossfile;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads {@code [binaries]}, {@code [properties]}, the options sections and {@code [cmake]} of the merged files
 * of one role into a {@link MachineConfig}, as Meson's {@code _load_machine_file_options} does: {@code [paths]},
 * then deprecated {@code <lang>_args} properties, then {@code [built-in options]}, each overriding the one before.
 */
final class MachineConfigReader {

    /** Meson's {@code compilers.all_languages}: their {@code _args}/{@code _link_args} properties move to options. */
    private static final List<String> LANGUAGES = List.of("c", "cpp", "cuda", "d", "fortran", "java", "objc",
            "objcpp", "rust", "vala", "cs", "swift", "cython", "nasm", "masm", "linearasm");
    private static final Set<String> DEPRECATED_PROPERTIES = LANGUAGES.stream()
            .flatMap(lang -> Stream.of(lang + "_args", lang + "_link_args"))
            .collect(Collectors.toUnmodifiableSet());
    private static final List<String> BOOLEAN_PROPERTIES = List.of("needs_exe_wrapper", "skip_sanity_check");
    private static final String BUILD_PREFIX = "build.";

    /**
     * The machine's own configuration, plus (cross files only) the deprecated {@code build.*} options and where
     * each was written.
     */
    record Result(MachineConfig config, Map<String, Value> buildOptions, Map<String, String> buildOptionLocations) {
    }

    private MachineConfigReader() {
    }

    /**
     * @param kind       which role the files play
     * @param crossBuild whether any cross file was given: then native files describe only the build machine
     */
    static Result read(MachineFile file, MachineFileKind kind, boolean crossBuild, List<CrossFileWarning> warnings)
            throws CrossFileException {
        BinaryTable binaries = binaries(file, warnings);
        Map<String, Value> properties = new LinkedHashMap<>();
        Map<String, Value> options = new LinkedHashMap<>();
        Map<String, Entry> optionEntries = new LinkedHashMap<>();
        Map<String, Value> buildOptions = new LinkedHashMap<>();
        Map<String, Entry> buildOptionEntries = new LinkedHashMap<>();
        Map<String, Value> projectOptions = new LinkedHashMap<>();
        Map<String, Entry> projectOptionEntries = new LinkedHashMap<>();
        Map<String, Value> cmake = new LinkedHashMap<>();

        for (Entry entry : entries(file, SectionNames.PATHS)) {
            options.put(entry.key(), entry.value());
            optionEntries.put(entry.key(), entry);
        }
        for (Entry entry : entries(file, SectionNames.PROPERTIES)) {
            if (DEPRECATED_PROPERTIES.contains(entry.key())) {
                warnings.add(new CrossFileWarning(entry.file(), entry.line(), Optional.of(entry.key()),
                        "[properties] " + entry.key() + " is deprecated since Meson 0.56.0 and is used as the "
                                + entry.key() + " option; move it to [built-in options]"));
                options.put(entry.key(), entry.value());
                optionEntries.put(entry.key(), entry);
            } else {
                if (BOOLEAN_PROPERTIES.contains(entry.key())) {
                    requireBoolean(entry);
                }
                CrossProperties.check(entry);
                if (kind == MachineFileKind.NATIVE && crossBuild && (entry.key().equals(CrossProperties.C_STDLIB)
                        || entry.key().equals(CrossProperties.CPP_STDLIB))) {
                    warnings.add(new CrossFileWarning(entry.file(), entry.line(), Optional.of(entry.key()),
                            "[properties] " + entry.key() + " of a native file is not applied: cross builds the build "
                                    + "machine's tools with its toolchain's standard library; a custom one is for the "
                                    + "host machine, in the cross file"));
                }
                properties.put(entry.key(), entry.value());
            }
        }
        boolean projectOptionsApply = kind == MachineFileKind.CROSS || !crossBuild;
        for (Section section : file.sections()) {
            Optional<SectionNames.OptionsSection> optionsSection = SectionNames.options(section.name());
            if (optionsSection.isEmpty()) {
                continue;
            }
            SectionNames.OptionsSection target = optionsSection.get();
            if (target.kind().equals(SectionNames.PROJECT_OPTIONS)) {
                if (!projectOptionsApply) {
                    warnings.add(new CrossFileWarning(section.file(), section.line(), Optional.empty(), "section ["
                            + section.name() + "] is ignored: in a cross build Meson reads project options only from "
                            + "the cross files; move them to a cross file"));
                    continue;
                }
                for (Entry entry : section.entries()) {
                    rejectSubprojectKey(entry);
                    projectOptions.put(target.key(entry.key()), entry.value());
                    projectOptionEntries.put(target.key(entry.key()), entry);
                }
                continue;
            }
            for (Entry entry : section.entries()) {
                rejectSubprojectKey(entry);
                String key = entry.key();
                if (!key.startsWith(BUILD_PREFIX)) {
                    options.put(target.key(key), entry.value());
                    optionEntries.put(target.key(key), entry);
                } else if (kind == MachineFileKind.CROSS) {
                    String option = key.substring(BUILD_PREFIX.length());
                    warnings.add(new CrossFileWarning(entry.file(), entry.line(), Optional.of(key), "["
                            + section.name() + "] " + key + " sets a build-machine option from a cross file, which "
                            + "is deprecated (Meson 1.0.1 ignores it, newer Meson applies it, as we do); move "
                            + option + " to a native file"));
                    buildOptions.put(target.key(option), entry.value());
                    buildOptionEntries.put(target.key(option), entry);
                } else {
                    String option = key.substring(BUILD_PREFIX.length());
                    warnings.add(new CrossFileWarning(entry.file(), entry.line(), Optional.of(key), "["
                            + section.name() + "] " + key + ": the build. prefix is unnecessary in a native file, "
                            + "which always describes the build machine (newer Meson deprecates it); write "
                            + option));
                    options.put(target.key(option), entry.value());
                    optionEntries.put(target.key(option), entry);
                }
            }
        }
        for (Entry entry : entries(file, SectionNames.CMAKE)) {
            if (!isStringOrStrings(entry.value())) {
                throw new CrossFileException(entry.file(), entry.line(), entry.key(), "[cmake] " + entry.key()
                        + " must be a string or an array of strings, found " + ValueText.described(entry.value())
                        + "; it becomes set(" + entry.key() + " ...) in a CMake toolchain file");
            }
            cmake.put(entry.key(), entry.value());
        }
        boolean globalOptionsApply = kind == MachineFileKind.CROSS || !crossBuild;
        checkOptions(optionEntries, globalOptionsApply, warnings);
        checkOptions(buildOptionEntries, false, warnings);
        for (Map.Entry<String, Entry> option : projectOptionEntries.entrySet()) {
            Entry entry = option.getValue();
            warnings.add(new CrossFileWarning(entry.file(), entry.line(), Optional.of(entry.key()), "["
                    + entry.section() + "] " + entry.key() + " is ignored: cross has no project options (Meson's "
                    + "meson.options); configure the build in the POM"));
        }
        return new Result(new MachineConfig(binaries, properties, options, projectOptions, cmake,
                locations(optionEntries)), buildOptions, locations(buildOptionEntries));
    }

    /**
     * Checks the values of the options cross applies as Meson would (a wrong choice or type is an error), and warns
     * about every option it does not apply, naming its line and key: options of subprojects, options cross has no
     * use for ({@code prefix}, {@code default_library} ...), and global options where Meson ignores them (a native
     * file's {@code buildtype} in a cross build: global options come from the cross files).
     *
     * @param globalOptionsApply false for the build machine's options of a cross build
     */
    private static void checkOptions(Map<String, Entry> options, boolean globalOptionsApply,
                                     List<CrossFileWarning> warnings) throws CrossFileException {
        for (Map.Entry<String, Entry> option : options.entrySet()) {
            String key = option.getKey();
            Entry entry = option.getValue();
            String where = "[" + entry.section() + "] " + entry.key();
            String problem = null;
            if (key.contains(":")) {
                problem = where + " is ignored: cross has no subprojects";
            } else if (!BuiltInOptions.APPLIED.contains(key)) {
                problem = entry.section().equals(SectionNames.PATHS)
                        ? where + " is ignored: cross installs nothing, so it has no use for install folders"
                        : where + " is ignored: cross does not apply the Meson option " + key + " (it applies "
                        + String.join(", ", BuiltInOptions.APPLIED.stream().sorted().toList()) + ")";
            } else if (!globalOptionsApply && !BuiltInOptions.PER_MACHINE.contains(key)) {
                problem = where + " is ignored: " + key + " is a global option, which Meson takes from the cross "
                        + "files in a cross build (the build machine's tools use the cross files' " + key + ")";
            } else {
                BuiltInOptions.check(entry, key);
            }
            if (problem != null) {
                warnings.add(new CrossFileWarning(entry.file(), entry.line(), Optional.of(entry.key()), problem));
            }
        }
    }

    private static Map<String, String> locations(Map<String, Entry> entries) {
        Map<String, String> locations = new LinkedHashMap<>();
        entries.forEach((key, entry) -> locations.put(key, entry.location()));
        return locations;
    }

    private static BinaryTable binaries(MachineFile file, List<CrossFileWarning> warnings)
            throws CrossFileException {
        Map<String, List<String>> table = new LinkedHashMap<>();
        for (Entry entry : entries(file, SectionNames.BINARIES)) {
            Value value = entry.value();
            if (value instanceof Value.Str s) {
                warnAboutSpaces(entry, s.value(), warnings);
                table.put(entry.key(), List.of(s.value()));
            } else if (isStringOrStrings(value)) {
                table.put(entry.key(), ((Value.Array) value).elements().stream()
                        .map(e -> ((Value.Str) e).value()).toList());
            } else {
                throw new CrossFileException(entry.file(), entry.line(), entry.key(), "[binaries] " + entry.key()
                        + " must be a string or an array of strings, found " + ValueText.described(value)
                        + "; write the program (and its arguments) in single quotes, e.g. " + entry.key()
                        + " = '<program>' or " + entry.key() + " = ['<program>', '<argument>']");
            }
        }
        Optional<Entry> old = file.entry(SectionNames.BINARIES, BinaryTable.PKGCONFIG_OLD);
        Optional<Entry> current = file.entry(SectionNames.BINARIES, BinaryTable.PKG_CONFIG);
        if (old.isPresent() && current.isPresent()
                && !table.get(BinaryTable.PKGCONFIG_OLD).equals(table.get(BinaryTable.PKG_CONFIG))) {
            Entry a = old.get();
            Entry b = current.get();
            throw new CrossFileException(a.file(), a.line(), a.key(), "[binaries] pkgconfig = "
                    + ValueText.literal(a.value()) + " disagrees with pkg-config = " + ValueText.literal(b.value())
                    + " (" + b.location() + "); Meson 1.3 and later stop with \"Mismatched pkgconfig and pkg-config "
                    + "binaries in the machine file.\"; write both keys with the same value (Meson 1.0.1 reads "
                    + "pkgconfig, newer Meson reads pkg-config)");
        }
        if (old.isPresent() && current.isEmpty()) {
            Entry a = old.get();
            warnings.add(new CrossFileWarning(a.file(), a.line(), Optional.of(a.key()), "[binaries] pkgconfig is "
                    + "deprecated since Meson 1.3, which reads pkg-config; also write pkg-config = "
                    + ValueText.literal(a.value()) + " so that old and new Meson both find it"));
        }
        return new BinaryTable(table);
    }

    /** Meson never splits a string entry, so {@code 'gcc -O2'} names a program with a space in its name. */
    private static void warnAboutSpaces(Entry entry, String program, List<CrossFileWarning> warnings) {
        String trimmed = program.trim();
        if (!trimmed.contains(" ")) {
            return;
        }
        String asArray = Arrays.stream(trimmed.split(" +"))
                .map(word -> "'" + word + "'").collect(Collectors.joining(", ", "[", "]"));
        warnings.add(new CrossFileWarning(entry.file(), entry.line(), Optional.of(entry.key()), "[binaries] "
                + entry.key() + " = '" + program + "' names one program whose name contains a space (Meson never "
                + "splits a string); if you meant a program and its arguments, write " + entry.key() + " = "
                + asArray));
    }

    private static void requireBoolean(Entry entry) throws CrossFileException {
        Value value = entry.value();
        if (value instanceof Value.Bool) {
            return;
        }
        String remedy;
        if (value instanceof Value.Str s && (s.value().equals("true") || s.value().equals("false"))) {
            remedy = "write " + entry.key() + " = " + s.value() + " without quotes (Meson 1.0.1 takes any non-empty "
                    + "string as true, so '" + s.value() + "' would mean true there; newer Meson stops with an "
                    + "internal error)";
        } else {
            remedy = "write " + entry.key() + " = true or " + entry.key() + " = false";
        }
        throw new CrossFileException(entry.file(), entry.line(), entry.key(), "[properties] " + entry.key()
                + " must be a boolean, found " + ValueText.described(value) + "; " + remedy);
    }

    private static void rejectSubprojectKey(Entry entry) throws CrossFileException {
        int colon = entry.key().indexOf(':');
        if (colon < 0) {
            return;
        }
        String subproject = entry.key().substring(0, colon);
        String option = entry.key().substring(colon + 1);
        String kind = SectionNames.options(entry.section()).map(SectionNames.OptionsSection::kind)
                .orElse(SectionNames.BUILT_IN_OPTIONS);
        throw new CrossFileException(entry.file(), entry.line(), entry.key(), "[" + entry.section() + "] "
                + entry.key() + " sets an option of subproject " + subproject + ", which Meson does not allow in this "
                + "section; write " + option + " = " + ValueText.literal(entry.value()) + " in a [" + subproject
                + ":" + kind + "] section instead");
    }

    private static boolean isStringOrStrings(Value value) {
        return value instanceof Value.Str
                || value instanceof Value.Array a && a.elements().stream().allMatch(e -> e instanceof Value.Str);
    }

    private static List<Entry> entries(MachineFile file, String section) {
        return file.section(section).map(Section::entries).orElse(List.of());
    }
}
