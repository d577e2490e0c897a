package dev.crossbuild.cli;

import dev.crossbuild.toolchain.Language;
import dev.crossbuild.toolchain.LauncherRequest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The parsed arguments: one command, its repeatable file options, the doctor's switches ({@code buildLanguages}:
 * the build machine's compilers to check as well, none by default; {@code launchers}: {@code --no-ccache} and
 * {@code --launcher}, as {@code cross.ccache} and {@code cross.launcher}) and the sysroot command's
 * ({@code packages}: {@code --package}; {@code cache}: {@code --cache}; {@code --offline}, {@code --refresh}).
 */
record CommandLine(String command, List<String> crossFiles, List<String> nativeFiles, boolean json, boolean strip,
                   Set<Language> languages, Set<String> libraries, Set<Language> buildLanguages,
                   LauncherRequest launchers, List<String> packages, Optional<String> cache, boolean offline,
                   boolean refresh) {

    static CommandLine parse(List<String> args) throws UsageException {
        if (args.isEmpty()) {
            throw new UsageException("no command given", "");
        }
        String command = args.get(0);
        if (command.equals("--help") || command.equals("-h")) {
            command = "help";
        }
        List<String> crossFiles = new ArrayList<>();
        List<String> nativeFiles = new ArrayList<>();
        Set<Language> languages = EnumSet.noneOf(Language.class);
        Set<String> libraries = new TreeSet<>();
        Set<Language> buildLanguages = EnumSet.noneOf(Language.class);
        boolean json = false;
        boolean strip = true;
        boolean ccache = true;
        Optional<String> launcher = Optional.empty();
        List<String> packages = new ArrayList<>();
        Optional<String> cache = Optional.empty();
        boolean offline = false;
        boolean refresh = false;
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--help", "-h" -> command = "help";
                case "--cross-file" -> crossFiles.add(operand(args, ++i, arg));
                case "--native-file" -> nativeFiles.add(operand(args, ++i, arg));
                case "--language" -> languages.add(language(operand(args, ++i, arg)));
                case "--library" -> libraries.add(operand(args, ++i, arg));
                case "--build-language" -> buildLanguages.add(language(operand(args, ++i, arg)));
                case "--json" -> json = true;
                case "--no-strip" -> strip = false;
                case "--no-ccache" -> ccache = false;
                case "--launcher" -> launcher = Optional.of(operand(args, ++i, arg));
                case "--package" -> packages.add(operand(args, ++i, arg));
                case "--cache" -> cache = Optional.of(operand(args, ++i, arg));
                case "--offline" -> offline = true;
                case "--refresh" -> refresh = true;
                default -> {
                    if (arg.startsWith("--cross-file=")) {
                        crossFiles.add(arg.substring("--cross-file=".length()));
                    } else if (arg.startsWith("--native-file=")) {
                        nativeFiles.add(arg.substring("--native-file=".length()));
                    } else if (arg.startsWith("--language=")) {
                        languages.add(language(arg.substring("--language=".length())));
                    } else if (arg.startsWith("--build-language=")) {
                        buildLanguages.add(language(arg.substring("--build-language=".length())));
                    } else if (arg.startsWith("--launcher=")) {
                        launcher = Optional.of(arg.substring("--launcher=".length()));
                    } else if (arg.startsWith("--package=") && arg.length() > "--package=".length()) {
                        packages.add(arg.substring("--package=".length()));
                    } else if (arg.startsWith("--cache=") && arg.length() > "--cache=".length()) {
                        cache = Optional.of(arg.substring("--cache=".length()));
                    } else if (arg.startsWith("--library=") && arg.length() > "--library=".length()) {
                        libraries.add(arg.substring("--library=".length()));
                    } else {
                        throw new UsageException("unknown option '" + arg + "'", arg);
                    }
                }
            }
        }
        if (languages.isEmpty()) {
            languages.addAll(EnumSet.allOf(Language.class));
        }
        LauncherRequest launchers;
        try {
            launchers = new LauncherRequest(ccache, launcher);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage().replace("cross.launcher", "--launcher"), launcher.orElse(""));
        }
        return new CommandLine(command, List.copyOf(crossFiles), List.copyOf(nativeFiles), json, strip,
                Set.copyOf(languages), Set.copyOf(libraries), Set.copyOf(buildLanguages), launchers, List.copyOf(packages),
                cache, offline, refresh);
    }

    private static Language language(String name) throws UsageException {
        for (Language language : Language.values()) {
            if (language.binaryKey().equals(name)) {
                return language;
            }
        }
        throw new UsageException("unknown language '" + name + "'; use c or cpp", name);
    }

    private static String operand(List<String> args, int index, String option) throws UsageException {
        if (index >= args.size() || args.get(index).isEmpty()) {
            throw new UsageException(option + " needs " + (option.endsWith("-language") ? "a language (c or cpp)"
                    : option.equals("--library") ? "a library name (zlib)"
                    : option.equals("--launcher") ? "a program (distcc or icecc)"
                    : option.equals("--package") ? "a Debian package name (zlib1g-dev)"
                    : option.equals("--cache") ? "a folder" : "a file name"), option);
        }
        return args.get(index);
    }
}
