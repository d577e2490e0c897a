package dev.crossbuild.crossfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.crossbuild.machine.Machine;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Meson's built-in options as cross resolves them: defaults, the machine files, the POM; checked as Meson checks them
 * (Meson 1.0.1's behaviour, found with meson setup + meson introspect --buildoptions).
 */
class BuiltInOptionsTest {

    private static final Machine BUILD = CrossEnvironmentEmpiricalTest.BUILD;
    private static final String HOST = "[host_machine]\nsystem = 'linux'\ncpu_family = 'aarch64'\ncpu = 'aarch64'\n"
            + "endian = 'little'\n";

    private static CrossEnvironment load(String crossText, String nativeText) throws CrossFileException {
        List<MachineFileSource> cross = crossText == null ? List.of()
                : List.of(MachineFileSource.of("c.ini", crossText.getBytes(StandardCharsets.UTF_8)));
        List<MachineFileSource> natives = nativeText == null ? List.of()
                : List.of(MachineFileSource.of("n.ini", nativeText.getBytes(StandardCharsets.UTF_8)));
        return CrossEnvironment.load(cross, natives, BUILD, MachineFileContext.none());
    }

    private static BuiltInOptions options(String crossOptions, OptionOverride... overrides) throws CrossFileException {
        return BuiltInOptions.resolve(load(HOST + "[built-in options]\n" + crossOptions, null).host(),
                List.of(overrides));
    }

    private static OptionOverride pom(String key, String value) {
        return OptionOverride.of(key, value, "<" + key + ">");
    }

    @Test
    void theDefaultIsDebugoptimizedWithMesonsOtherDefaults() {
        BuiltInOptions defaults = BuiltInOptions.defaults();
        assertEquals(Map.of("buildtype", "debugoptimized", "optimization", "2", "debug", true, "b_ndebug", "false",
                "warning_level", "1", "werror", false, "c_std", "none", "cpp_std", "none", "b_lto", false, "b_pie",
                false), Map.copyOf(defaults.toJson()).entrySet().stream().filter(e -> !e.getKey().equals("b_staticpic")
                && !e.getKey().equals("b_lundef") && !e.getKey().equals("b_asneeded"))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        assertEquals(true, defaults.staticPic());
        assertEquals(true, defaults.noUndefined());
        assertEquals(true, defaults.asNeeded(), "Meson's b_asneeded is on by default");
        assertEquals("buildtype debugoptimized (default): optimization 2, debug true", defaults.describe());
    }

    @Test
    void aBuildtypeSetsOptimizationAndDebug() throws Exception {
        BuiltInOptions release = options("buildtype = 'release'\n");
        assertEquals("3", release.optimization());
        assertEquals(false, release.debug());
        assertEquals("c.ini:7", release.origins().get("buildtype"));
        assertEquals("c.ini:7", release.origins().get("optimization"));
        assertEquals("s", options("buildtype = 'minsize'\n").optimization());
        assertEquals(true, options("buildtype = 'minsize'\n").debug());
        assertEquals("plain", options("buildtype = 'plain'\n").optimization());
        assertEquals("0", options("buildtype = 'debug'\n").optimization());
        BuiltInOptions custom = options("buildtype = 'custom'\n");
        assertEquals("2", custom.optimization(), "custom sets neither: the default buildtype's stay");
    }

    @Test
    void anExplicitOptimizationOrDebugWinsOverTheBuildtypeOfTheSamePlace() throws Exception {
        BuiltInOptions options = options("optimization = '1'\nbuildtype = 'release'\ndebug = true\n");
        assertEquals("release", options.buildtype());
        assertEquals("1", options.optimization());
        assertEquals(true, options.debug());
        assertEquals("buildtype release (c.ini:8): optimization 1, debug true; optimization=1 (c.ini:7), "
                + "debug=true (c.ini:9)", options.describe());
    }

    @Test
    void thePomWinsAndItsBuildtypeSetsOptimizationAndDebugAgain() throws Exception {
        // Meson: -Dbuildtype=debug over a machine file's optimization = '3' gives 0 (its command line comes last)
        BuiltInOptions options = options("optimization = '3'\nwerror = true\n", pom("buildtype", "debug"));
        assertEquals("0", options.optimization());
        assertEquals(true, options.debug());
        assertEquals(true, options.werror());
        assertEquals("<buildtype>", options.origins().get("optimization"));
        // Meson: -Doptimization=g over a machine file's buildtype = 'release' gives g, debug false
        BuiltInOptions optimized = options("buildtype = 'release'\n", pom("optimization", "g"));
        assertEquals("release", optimized.buildtype());
        assertEquals("g", optimized.optimization());
        assertEquals(false, optimized.debug());
        assertEquals("false", options("b_lundef = true\n", pom("b_lundef", "false")).value("b_lundef").toString());
    }

    @Test
    void ndebugIfReleaseFollowsTheBuildtypeNotTheOptimization() throws Exception {
        assertEquals(true, options("b_ndebug = 'if-release'\nbuildtype = 'release'\n").disablesAsserts());
        assertEquals(true, options("b_ndebug = 'if-release'\nbuildtype = 'plain'\n").disablesAsserts());
        assertEquals(false, options("b_ndebug = 'if-release'\nbuildtype = 'minsize'\n").disablesAsserts());
        assertEquals(false, options("b_ndebug = 'if-release'\n").disablesAsserts());
        assertEquals(true, options("b_ndebug = 'true'\n").disablesAsserts());
    }

    @Test
    void booleansMayBeStringsAsInMeson() throws Exception {
        assertEquals(true, options("werror = 'true'\nb_lto = 'false'\n").werror());
    }

    @Test
    void badValuesAreErrorsNamingTheLineLikeMesons() {
        CrossFileException number = assertThrows(CrossFileException.class, () -> options("warning_level = 3\n"));
        assertEquals("c.ini:7: [built-in options] warning_level is integer 3, which is not one of '0', '1', '2', "
                + "'3', 'everything'; Meson refuses a number here, write warning_level = '3'", number.getMessage());
        CrossFileException choice = assertThrows(CrossFileException.class, () -> options("buildtype = 'fast'\n"));
        assertEquals("c.ini:7: [built-in options] buildtype is string 'fast', which is not one of 'plain', 'debug', "
                + "'debugoptimized', 'release', 'minsize', 'custom'", choice.getMessage());
        CrossFileException bool = assertThrows(CrossFileException.class, () -> options("debug = 'yes'\n"));
        assertEquals("c.ini:7: [built-in options] debug must be a boolean, found string 'yes'; write debug = true "
                + "or debug = false", bool.getMessage());
        assertThrows(CrossFileException.class, () -> options("b_ndebug = true\n"), "a combo of strings, as in Meson");
        assertThrows(CrossFileException.class, () -> options("c_std = 'c11x'\n"));
        CrossFileException eh = assertThrows(CrossFileException.class, () -> options("cpp_eh = 'off'\n"));
        assertEquals("c.ini:7: [built-in options] cpp_eh is string 'off', which is not one of 'none', 'default', 'a', "
                + "'s', 'sc'", eh.getMessage());
        assertThrows(CrossFileException.class, () -> options("cpp_rtti = 'no'\n"));
    }

    @Test
    void pomValuesAreCheckedNamingTheParameter() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> OptionOverride.of("buildtype", "fast", "<buildType>"));
        assertEquals("<buildType> is 'fast'; use one of plain, debug, debugoptimized, release, minsize, custom",
                e.getMessage());
        assertEquals("release", OptionOverride.of("buildtype", " Release ", "<buildType>").value());
        assertEquals("<werror> is 'yes'; use true or false",
                assertThrows(IllegalArgumentException.class, () -> OptionOverride.of("werror", "yes", "<werror>"))
                        .getMessage());
    }

    @Test
    void theBuildMachinesToolsTakeTheNativeFilesStandardsAndTheGlobalOptionsOfTheCrossFiles() throws Exception {
        CrossEnvironment env = load(HOST + "[built-in options]\nbuildtype = 'release'\nc_std = 'c11'\n",
                "[built-in options]\nbuildtype = 'debug'\nc_std = 'c99'\nwarning_level = '3'\n");
        BuiltInOptions host = BuiltInOptions.resolve(env.host(), List.of());
        BuiltInOptions build = host.forBuildMachine(env.build());
        assertEquals("c11", host.cStd());
        assertEquals("c99", build.cStd());
        assertEquals("release", build.buildtype());
        assertEquals("1", build.warningLevel());
        assertEquals(List.of("n.ini:2: [built-in options] buildtype is ignored: buildtype is a global option, which "
                        + "Meson takes from the cross files in a cross build (the build machine's tools use the cross "
                        + "files' buildtype)",
                "n.ini:4: [built-in options] warning_level is ignored: warning_level is a global option, which Meson "
                        + "takes from the cross files in a cross build (the build machine's tools use the cross files' "
                        + "warning_level)"),
                env.warnings().stream().map(Object::toString).toList());
    }

    @Test
    void optionsCrossDoesNotApplyAreWarningsNamingTheLineAndKey() throws Exception {
        CrossEnvironment env = load(HOST + "[built-in options]\ndefault_library = 'static'\nb_sanitize = 'address'\n"
                + "c_args = ['-DX']\n", null);
        assertEquals(List.of("c.ini:7: [built-in options] default_library is ignored: cross does not apply the Meson "
                        + "option default_library (it applies b_asneeded, b_lto, b_lundef, b_ndebug, b_pie, "
                        + "b_staticpic, "
                        + "buildtype, "
                        + "c_args, c_link_args, c_std, c_winlibs, cpp_args, cpp_debugstl, cpp_eh, cpp_link_args, "
                        + "cpp_rtti, cpp_std, cpp_winlibs, debug, "
                        + "optimization, pkg_config_path, warning_level, werror)",
                "c.ini:8: [built-in options] b_sanitize is ignored: cross does not apply the Meson option b_sanitize "
                        + "(it applies b_asneeded, b_lto, b_lundef, b_ndebug, b_pie, b_staticpic, buildtype, "
                        + "c_args, c_link_args, "
                        + "c_std, c_winlibs, cpp_args, cpp_debugstl, cpp_eh, cpp_link_args, cpp_rtti, cpp_std, "
                        + "cpp_winlibs, debug, optimization, "
                        + "pkg_config_path, warning_level, werror)"),
                env.warnings().stream().map(Object::toString).toList());
        assertEquals("x", env.warnings().get(0).key().map(k -> "x").orElse(""));
    }

    @Test
    void jsonRoundTrip() throws Exception {
        BuiltInOptions options = options("buildtype = 'minsize'\nb_pie = true\ncpp_std = 'c++17'\n");
        assertEquals(options, BuiltInOptions.fromJson(options.toJson(), options.originsJson()));
        assertThrows(IllegalArgumentException.class, () -> BuiltInOptions.fromJson(Map.of("buildtype", "x"), Map.of()));
    }
}
