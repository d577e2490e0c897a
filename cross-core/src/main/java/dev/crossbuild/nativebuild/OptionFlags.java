package dev.crossbuild.nativebuild;

import dev.crossbuild.crossfile.BuiltInOptions;
import dev.crossbuild.machine.Machine;
import dev.crossbuild.machine.OutputFormat;
import dev.crossbuild.toolchain.CompilerId;
import dev.crossbuild.toolchain.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The compiler and linker flags of Meson's built-in options, as Meson 1.0.1 passes them to gcc and clang (its
 * {@code get_base_compile_args}, {@code generate_basic_compiler_args}, {@code get_base_link_args} and the gcc/clang
 * mixins). Pure: it only returns arguments.
 *
 * <ul>
 *   <li>Compile, in Meson's order: {@code b_lto} ({@code -flto=auto} for gcc 10 and later, else {@code -flto}),
 *       {@code b_ndebug} ({@code -DNDEBUG} when {@code true}, or {@code if-release} with buildtype release or
 *       plain), {@code warning_level} ({@code 1}: {@code -Wall -Winvalid-pch}, {@code 2}: and {@code -Wextra},
 *       {@code 3}: and {@code -Wpedantic}, {@code everything}: clang's {@code -Weverything}, gcc's level 3 and
 *       {@link GccWarnings}), {@code werror} ({@code -Werror}), {@code c_std}/{@code cpp_std} ({@code -std=}),
 *       {@code optimization} ({@code -O0 -Og -O1 -O2 -O3}, {@code s}: gcc {@code -Os}, clang {@code -Oz};
 *       {@code plain}: none), {@code debug} ({@code -g}); C++ after {@code -std=}: {@code cpp_eh=none}
 *       ({@code -fno-exceptions}), {@code cpp_rtti=false} ({@code -fno-rtti}), gcc's {@code cpp_debugstl=true}
 *       ({@code -D_GLIBCXX_DEBUG=1}). The cross file's {@code c_args} come after them, so they win.
 *   <li>Position independence, after {@code c_args} ({@link #position}): shared libraries {@code -fPIC}; static
 *       libraries {@code -fPIC} with {@code b_staticpic} (default), else {@code -fPIE} with {@code b_pie};
 *       executables {@code -fPIE} with {@code b_pie}. No {@code -fPIC} for Windows, Cygwin and darwin, where code is
 *       position-independent anyway.
 *   <li>Link ({@link #link}), for shared libraries and executables: {@code b_lto} ({@code -flto}); {@code b_asneeded}
 *       (default true) on ELF ({@code -Wl,--as-needed}: a library none of the objects uses is not recorded as
 *       needed) and darwin ({@code -Wl,-dead_strip_dylibs}), not on Windows, as Meson's gcc and clang;
 *       {@code b_lundef} on ELF systems other than OpenBSD ({@code -Wl,--no-undefined}; false:
 *       {@code -Wl,--allow-shlib-undefined}) and darwin ({@code -Wl,-undefined,error}; false:
 *       {@code -Wl,-undefined,dynamic_lookup}), nothing on PE, where a DLL resolves every symbol at link time anyway;
 *       buildtype {@code release}: {@code -Wl,-O1} (GNU-style linkers, not darwin's); {@code b_pie}: {@code -pie} for
 *       executables (not on darwin).
 * </ul>
 */
final class OptionFlags {

    private OptionFlags() {
    }

    /**
     * The flags before the cross file's {@code c_args}/{@code cpp_args}: those of {@code options} (above), with the
     * C++ options of the machine's {@code [built-in options]} ({@code perMachine}) after {@code -std=}, as Meson's gcc
     * and clang give them:
     * {@code cpp_eh=none} {@code -fno-exceptions}, {@code cpp_rtti=false} {@code -fno-rtti}, and for gcc
     * {@code cpp_debugstl=true} {@code -D_GLIBCXX_DEBUG=1}.
     */
    static List<String> compile(BuiltInOptions options, Map<String, Object> perMachine, CompilerId compiler,
                                Language language) {
        List<String> flags = new ArrayList<>();
        if (options.lto()) {
            flags.add(compiler.isGcc() && GccWarnings.compare(compiler.version(), "10.0") >= 0 ? "-flto=auto" : "-flto");
        }
        if (options.disablesAsserts()) {
            flags.add("-DNDEBUG");
        }
        flags.addAll(warnings(options.warningLevel(), compiler, language));
        if (options.werror()) {
            flags.add("-Werror");
        }
        String std = language == Language.CPP ? options.cppStd() : options.cStd();
        if (!std.equals("none")) {
            flags.add("-std=" + std);
        }
        if (language == Language.CPP) {
            flags.addAll(cpp(perMachine, compiler));
        }
        switch (options.optimization()) {
            case "plain" -> { }
            case "s" -> flags.add(compiler.isClang() ? "-Oz" : "-Os");
            default -> flags.add("-O" + options.optimization());
        }
        if (options.debug()) {
            flags.add("-g");
        }
        return flags;
    }

    /**
     * A target's {@code <symbolVisibility>} (Meson's {@code gnu_symbol_visibility}), first in its compiles as Meson
     * puts it: {@code -fvisibility=<value>}; {@code inlineshidden} is {@code hidden} and, for C++,
     * {@code -fvisibility-inlines-hidden}. Nothing for a compiler that is neither gcc nor clang.
     */
    static List<String> visibility(Optional<String> value, CompilerId compiler, Language language) {
        if (value.isEmpty() || !compiler.isGcc() && !compiler.isClang()) {
            return List.of();
        }
        if (value.get().equals("inlineshidden")) {
            return language == Language.CPP ? List.of("-fvisibility=hidden", "-fvisibility-inlines-hidden")
                    : List.of("-fvisibility=hidden");
        }
        return List.of("-fvisibility=" + value.get());
    }

    private static List<String> cpp(Map<String, Object> perMachine, CompilerId compiler) {
        List<String> flags = new ArrayList<>();
        if ("none".equals(String.valueOf(perMachine.get(BuiltInOptions.CPP_EH)))) {
            flags.add("-fno-exceptions");
        }
        if ("false".equals(String.valueOf(perMachine.get(BuiltInOptions.CPP_RTTI)))) {
            flags.add("-fno-rtti");
        }
        if (compiler.isGcc() && "true".equals(String.valueOf(perMachine.get(BuiltInOptions.CPP_DEBUGSTL)))) {
            flags.add("-D_GLIBCXX_DEBUG=1");
        }
        return flags;
    }

    private static List<String> warnings(String level, CompilerId compiler, Language language) {
        List<String> flags = new ArrayList<>();
        if (level.equals("0")) {
            return flags;
        }
        if (level.equals("everything") && compiler.isClang()) {
            return List.of("-Weverything");
        }
        flags.add("-Wall");
        flags.add("-Winvalid-pch");
        if (!level.equals("1")) {
            flags.add("-Wextra");
        }
        if (level.equals("3") || level.equals("everything")) {
            flags.add("-Wpedantic");
        }
        if (level.equals("everything")) {
            flags.addAll(GccWarnings.everything(compiler.version(), language));
        }
        return flags;
    }

    /** {@code -fPIC} / {@code -fPIE} for objects of {@code kind}, after the cross file's arguments. */
    static List<String> position(BuiltInOptions options, Machine host, TargetKind kind) {
        OutputFormat format = OutputFormat.of(host);
        boolean picFlag = format == OutputFormat.ELF;
        return switch (kind) {
            case SHARED_LIBRARY, BOTH_LIBRARIES -> picFlag ? List.of("-fPIC") : List.of();
            case STATIC_LIBRARY -> options.staticPic() ? (picFlag ? List.of("-fPIC") : List.of())
                    : options.pie() ? List.of("-fPIE") : List.of();
            case EXECUTABLE -> options.pie() ? List.of("-fPIE") : List.of();
        };
    }

    /** The flags of a shared library's or an executable's link, right after the driver. */
    static List<String> link(BuiltInOptions options, Machine host, TargetKind kind) {
        List<String> flags = new ArrayList<>();
        if (kind == TargetKind.STATIC_LIBRARY) {
            return flags;
        }
        OutputFormat format = OutputFormat.of(host);
        if (options.lto()) {
            flags.add("-flto");
        }
        if (options.asNeeded() && format == OutputFormat.ELF) {
            flags.add("-Wl,--as-needed");
        } else if (options.asNeeded() && format == OutputFormat.MACH_O) {
            flags.add("-Wl,-dead_strip_dylibs");
        }
        if (format == OutputFormat.ELF && !host.system().equals("openbsd")) {
            flags.add(options.noUndefined() ? "-Wl,--no-undefined" : "-Wl,--allow-shlib-undefined");
        } else if (format == OutputFormat.MACH_O) {
            flags.add(options.noUndefined() ? "-Wl,-undefined,error" : "-Wl,-undefined,dynamic_lookup");
        }
        if (options.buildtype().equals("release") && format != OutputFormat.MACH_O) {
            flags.add("-Wl,-O1");
        }
        if (options.pie() && kind == TargetKind.EXECUTABLE && format != OutputFormat.MACH_O) {
            flags.add("-pie");
        }
        return flags;
    }
}
