package dev.crossbuild.crossfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbuild.exec.HostEnvironment;
import dev.crossbuild.machine.Endian;
import dev.crossbuild.machine.Machine;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Sections, keys and options beyond the empirical cases, on small inline files. */
class CrossEnvironmentTest {

    private static final Machine BUILD = CrossEnvironmentEmpiricalTest.BUILD;
    private static final String HOST = "[host_machine]\nsystem = 'linux'\ncpu_family = 'aarch64'\ncpu = 'aarch64'\n"
            + "endian = 'little'\n";

    private static MachineFileSource source(String name, String text) {
        return MachineFileSource.of(name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static CrossEnvironment cross(String text) throws CrossFileException {
        return CrossEnvironment.load(List.of(source("c.ini", text)), List.of(), BUILD, MachineFileContext.none());
    }

    private static CrossEnvironment both(String crossText, String nativeText) throws CrossFileException {
        return CrossEnvironment.load(List.of(source("c.ini", crossText)), List.of(source("n.ini", nativeText)), BUILD,
                MachineFileContext.none());
    }

    private static CrossEnvironment nativeOnly(String text) throws CrossFileException {
        return CrossEnvironment.load(List.of(), List.of(source("n.ini", text)), BUILD, MachineFileContext.none());
    }

    private static CrossFileException crossError(String text) {
        return assertThrows(CrossFileException.class, () -> cross(text));
    }

    private static List<String> warnings(CrossEnvironment env) {
        return CrossEnvironmentEmpiricalTest.warnings(env);
    }

    private static Value strings(String... values) {
        return Value.ofStrings(List.of(values));
    }

    @Test
    void noFilesAtAllIsANativeBuildOfTheBuildMachine() throws Exception {
        CrossEnvironment env = CrossEnvironment.load(List.of(), List.of(), BUILD, MachineFileContext.none());
        assertFalse(env.isCrossBuild());
        assertEquals(BUILD, env.machines().host());
        assertEquals(MachineConfig.empty(), env.host());
        assertTrue(env.canRunHostBinaries());
    }

    @Test
    void aCrossFileWithOnlyCarriageReturnsDescribesItsHostMachine() throws Exception {
        // Issue 12: such a file was once read as one line, a comment, and built for the build machine without a word.
        CrossEnvironment env = cross(("# classic Mac line ends\n[binaries]\nc = 'aarch64-linux-gnu-gcc'\n" + HOST)
                .replace('\n', '\r'));

        assertTrue(env.isCrossBuild());
        assertEquals("aarch64", env.machines().host().cpuFamily());
        assertEquals(List.of("aarch64-linux-gnu-gcc"), env.host().binaries().argv("c").orElseThrow());
        assertEquals(List.of(), warnings(env));
    }

    @Test
    void aCustomStandardLibraryIsAStringOrMesonsSubprojectAndDependency() throws Exception {
        assertEquals(Optional.of("tinyc"), CrossProperties.standardLibrary(
                cross("[properties]\nc_stdlib = ['tinyc', 'tinyc_dep']\n" + HOST).host().properties(), "c_stdlib"));
        assertEquals(Optional.of("tinycxx"), CrossProperties.standardLibrary(
                cross("[properties]\ncpp_stdlib = 'tinycxx'\n" + HOST).host().properties(), "cpp_stdlib"));
        assertEquals(Optional.empty(), CrossProperties.standardLibrary(cross(HOST).host().properties(), "c_stdlib"));

        assertEquals("c.ini:2: [properties] c_stdlib must name the standard library: a string or Meson's "
                + "['subproject', 'dependency'], "
                + "found an array of 3 strings; for cross the (first) name is a <library> "
                + "of the module, e.g. c_stdlib = 'mylibc'",
                crossError("[properties]\nc_stdlib = ['a', 'b', 'c']\n" + HOST).getMessage());
        assertTrue(crossError("[properties]\nc_stdlib = []\n").getMessage().contains("found an empty array"));
        assertTrue(crossError("[properties]\ncpp_stdlib = 3\n").getMessage().contains("cpp_stdlib must name"));
    }

    @Test
    void aNativeFilesStandardLibraryIsNotAppliedInACrossBuild() throws Exception {
        CrossEnvironment env = both(HOST, "[properties]\nc_stdlib = 'tinyc'\n");
        assertEquals(List.of("n.ini:2: [properties] c_stdlib of a native file is not applied: cross builds the build "
                + "machine's tools with its toolchain's standard library; a custom one is for the host machine, in the "
                + "cross file"), warnings(env));
        assertEquals(List.of(), warnings(nativeOnly("[properties]\nc_stdlib = 'tinyc'\n")), "a native build's host");
    }

    @Test
    void misspeltSectionGetsADidYouMean() throws Exception {
        CrossEnvironment env = cross("[binaires]\nc = 'gcc'\n[host-machine]\nsystem = 'linux'\n");
        assertEquals(List.of(
                "c.ini:1: unknown section [binaires] is ignored (Meson ignores it too); did you mean [binaries]?",
                "c.ini:3: unknown section [host-machine] is ignored (Meson ignores it too); did you mean "
                        + "[host_machine]?"), warnings(env));
        assertEquals(BUILD, env.machines().host());
    }

    @Test
    void unrelatedSectionGetsNoSuggestion() throws Exception {
        assertEquals(List.of("c.ini:1: unknown section [toolchain] is ignored (Meson ignores it too)"),
                warnings(cross("[toolchain]\nx = 'y'\n")));
    }

    @Test
    void subprojectPrefixOnAnotherSectionIsIgnoredWithASuggestion() throws Exception {
        assertEquals(List.of("c.ini:1: section [sub:builtin options] is ignored: only [<subproject>:built-in options] "
                + "and [<subproject>:project options] take a subproject prefix; did you mean [sub:built-in options]?"),
                warnings(cross("[sub:builtin options]\nc_std = 'c99'\n")));
    }

    @Test
    void unknownKeyInAMachineSectionWarns() throws Exception {
        CrossEnvironment env = cross(HOST + "kernal = 'linux'\n");
        assertEquals(List.of("c.ini:6: unknown key kernal in [host_machine] is ignored (Meson ignores it too); did "
                + "you mean kernel?"), warnings(env));
        assertEquals(Optional.empty(), env.machines().host().kernel());
    }

    @Test
    void misspeltRequiredKeyIsNamedInTheMissingKeyError() {
        CrossFileException e = crossError("[host_machine]\nsystem = 'linux'\ncpu-family = 'aarch64'\ncpu = 'a'\n"
                + "endian = 'little'\n");
        assertEquals("c.ini:1: [host_machine] is missing cpu_family (it has system = 'linux', cpu-family = "
                + "'aarch64', cpu = 'a', endian = 'little'); a machine section needs system, cpu_family, cpu and "
                + "endian; cpu-family should probably be cpu_family", e.getMessage());
    }

    @Test
    void emptyMachineSectionListsEveryMissingKey() {
        CrossFileException e = crossError("[target_machine]\n");
        assertEquals("c.ini:1: [target_machine] is missing system, cpu_family, cpu, endian (it has no keys); a "
                + "machine section needs system, cpu_family, cpu and endian", e.getMessage());
        assertEquals(Optional.of("system"), e.key());
    }

    @Test
    void arrayInAMachineSectionIsAnError() {
        CrossFileException e = crossError(HOST.replace("cpu = 'aarch64'", "cpu = ['aarch64']"));
        assertEquals("c.ini:4: [host_machine] cpu must be a string, found array ['aarch64']; write it in single "
                + "quotes, e.g. cpu = 'cortex-a53'", e.getMessage());
    }

    @Test
    void nearMissFamilyAndSystemGetSuggestions() throws Exception {
        CrossEnvironment env = cross("[host_machine]\nsystem = 'Linux'\ncpu_family = 'aarch46'\ncpu = 'x'\n"
                + "endian = 'little'\n");
        assertEquals(List.of(
                "c.ini:2: [host_machine] system 'Linux' is not one of Meson's systems (Meson warns \"Unknown system "
                        + "Linux\" and goes on); did you mean 'linux'?",
                "c.ini:3: [host_machine] cpu_family 'aarch46' is not one of Meson's CPU families (Meson warns "
                        + "\"Unknown CPU family aarch46\" and goes on); did you mean 'aarch64'?"), warnings(env));
    }

    @Test
    void otherNamingSchemesGetTheMesonName() throws Exception {
        CrossEnvironment env = cross("[host_machine]\nsystem = 'macos'\ncpu_family = 'amd64'\ncpu = 'x'\n"
                + "endian = 'little'\n");
        assertTrue(warnings(env).get(0).endsWith("did you mean 'darwin'?"), warnings(env).get(0));
        assertTrue(warnings(env).get(1).endsWith("did you mean 'x86_64'?"), warnings(env).get(1));
    }

    @Test
    void kernelAndSubsystemMustBeStringsToo() {
        CrossFileException e = crossError(HOST + "subsystem = true\n");
        assertEquals("c.ini:6: [host_machine] subsystem must be a string, found boolean true; write it in single "
                + "quotes, e.g. subsystem = 'linux'", e.getMessage());
    }

    @Test
    void samePkgconfigAndPkgConfigAreAcceptedQuietly() throws Exception {
        CrossEnvironment env = cross("[binaries]\npkgconfig = 'pkgconf'\npkg-config = 'pkgconf'\n");
        assertEquals(List.of(), warnings(env));
        assertEquals(Optional.of(List.of("pkgconf")), env.host().binaries().argv("pkg-config"));
    }

    @Test
    void skipSanityCheckMustBeABoolean() {
        CrossFileException e = crossError("[properties]\nskip_sanity_check = 1\n");
        assertEquals("c.ini:2: [properties] skip_sanity_check must be a boolean, found integer 1; write "
                + "skip_sanity_check = true or skip_sanity_check = false", e.getMessage());
    }

    @Test
    void builtInOptionsBeatDeprecatedPropertiesAndPaths() throws Exception {
        CrossEnvironment env = cross("[paths]\nprefix = '/opt/p'\nlibdir = 'lib64'\n"
                + "[properties]\nc_args = ['-DPROP']\ncpp_link_args = ['-lprop']\n"
                + "[built-in options]\nc_args = ['-DOPT']\nlibdir = 'lib'\n");
        assertEquals(Map.of("prefix", Value.of("/opt/p"), "libdir", Value.of("lib"), "c_args", strings("-DOPT"),
                "cpp_link_args", strings("-lprop")), env.host().builtInOptions());
        assertEquals(Map.of(), env.host().properties());
        assertEquals(List.of(
                "c.ini:1: section [paths] is deprecated since Meson 0.56.0; its values are used as built-in options, "
                        + "move them to [built-in options]",
                "c.ini:5: [properties] c_args is deprecated since Meson 0.56.0 and is used as the c_args option; "
                        + "move it to [built-in options]",
                "c.ini:6: [properties] cpp_link_args is deprecated since Meson 0.56.0 and is used as the "
                        + "cpp_link_args option; move it to [built-in options]",
                "c.ini:2: [paths] prefix is ignored: cross installs nothing, so it has no use for install folders",
                "c.ini:9: [built-in options] libdir is ignored: cross does not apply the Meson option libdir (it "
                        + "applies b_asneeded, b_lto, b_lundef, b_ndebug, b_pie, b_staticpic, buildtype, c_args, "
                        + "c_link_args, "
                        + "c_std, "
                        + "c_winlibs, cpp_args, cpp_debugstl, cpp_eh, cpp_link_args, cpp_rtti, cpp_std, "
                        + "cpp_winlibs, debug, optimization, "
                        + "pkg_config_path, warning_level, werror)"), warnings(env));
    }

    @Test
    void subprojectSectionsKeyTheirOptionsWithTheSubprojectName() throws Exception {
        CrossEnvironment env = cross("[built-in options]\nc_std = 'c11'\n[zlib:built-in options]\nc_std = 'c99'\n"
                + "[project options]\nfeature = true\n[zlib:project options]\ntests = false\n"
                + "[cmake]\nCMAKE_C_FLAGS = '-O2'\nLIST = ['a', 'b']\n");
        assertEquals(Map.of("c_std", Value.of("c11"), "zlib:c_std", Value.of("c99")), env.host().builtInOptions());
        assertEquals(Map.of("feature", Value.of(true), "zlib:tests", Value.of(false)), env.host().projectOptions());
        assertEquals(Map.of("CMAKE_C_FLAGS", Value.of("-O2"), "LIST", strings("a", "b")), env.host().cmake());
        assertEquals(List.of("c.ini:4: [zlib:built-in options] c_std is ignored: cross has no subprojects",
                "c.ini:6: [project options] feature is ignored: cross has no project options (Meson's meson.options); "
                        + "configure the build in the POM",
                "c.ini:8: [zlib:project options] tests is ignored: cross has no project options (Meson's "
                        + "meson.options); configure the build in the POM"), warnings(env));
    }

    @Test
    void subprojectKeyInProjectOptionsIsAnError() {
        CrossFileException e = crossError("[project options]\nzlib:tests = false\n");
        assertEquals("c.ini:2: [project options] zlib:tests sets an option of subproject zlib, which Meson does not "
                + "allow in this section; write tests = false in a [zlib:project options] section instead",
                e.getMessage());
    }

    @Test
    void cmakeValuesMustBeStrings() {
        CrossFileException e = crossError("[cmake]\nCMAKE_FOO = true\n");
        assertEquals("c.ini:2: [cmake] CMAKE_FOO must be a string or an array of strings, found boolean true; it "
                + "becomes set(CMAKE_FOO ...) in a CMake toolchain file", e.getMessage());
    }

    @Test
    void nativeProjectOptionsAreIgnoredInACrossBuild() throws Exception {
        CrossEnvironment env = both(HOST, "[project options]\nfeature = true\n");
        assertEquals(Map.of(), env.build().projectOptions());
        assertEquals(Map.of(), env.host().projectOptions());
        assertEquals(List.of("n.ini:1: section [project options] is ignored: in a cross build Meson reads project "
                + "options only from the cross files; move them to a cross file"), warnings(env));
    }

    @Test
    void nativeProjectOptionsApplyInANativeBuild() throws Exception {
        CrossEnvironment env = nativeOnly("[project options]\nfeature = true\n");
        assertEquals(Map.of("feature", Value.of(true)), env.host().projectOptions());
        assertEquals(List.of("n.ini:2: [project options] feature is ignored: cross has no project options (Meson's "
                + "meson.options); configure the build in the POM"), warnings(env));
    }

    @Test
    void buildPrefixInANativeFileIsStrippedWithAWarning() throws Exception {
        CrossEnvironment env = both(HOST, "[built-in options]\nbuild.c_args = ['-DN']\n");
        assertEquals(Map.of("c_args", strings("-DN")), env.build().builtInOptions());
        assertEquals(List.of("n.ini:2: [built-in options] build.c_args: the build. prefix is unnecessary in a native "
                + "file, which always describes the build machine (newer Meson deprecates it); write c_args"),
                warnings(env));
    }

    @Test
    void crossFileBuildOptionWinsOverTheNativeFile() throws Exception {
        CrossEnvironment env = both(HOST + "[built-in options]\nbuild.c_args = ['-DCROSS']\n",
                "[built-in options]\nc_args = ['-DNATIVE']\nc_std = 'c99'\n");
        assertEquals(Map.of("c_args", strings("-DCROSS"), "c_std", Value.of("c99")), env.build().builtInOptions());
        assertEquals(Map.of(), env.host().builtInOptions());
    }

    @Test
    void crossAndNativeConstantsDoNotMix() {
        CrossFileException e = assertThrows(CrossFileException.class,
                () -> both("[constants]\narch = 'x'\n" + HOST, "[binaries]\nc = arch + '-gcc'\n"));
        assertEquals(Optional.of("n.ini"), e.file());
    }

    @Test
    void needsExeWrapperAppliesInANativeBuildButCanRunStaysTrue() throws Exception {
        CrossEnvironment env = nativeOnly("[properties]\nneeds_exe_wrapper = true\n");
        assertTrue(env.needsExeWrapper());
        assertTrue(env.canRunHostBinaries());
    }

    @Test
    void nativeFileExeWrapperDoesNotServeTheHostInACrossBuild() throws Exception {
        CrossEnvironment env = both(HOST, "[binaries]\nexe_wrapper = 'qemu-aarch64'\n");
        assertEquals(Optional.empty(), env.host().binaries().exeWrapper());
        assertFalse(env.canRunHostBinaries());
    }

    @Test
    void bigEndianHostIsRead() throws Exception {
        CrossEnvironment env = cross(HOST.replace("little", "big").replace("aarch64", "ppc64"));
        assertEquals(Machine.of("linux", "ppc64", "ppc64", Endian.BIG), env.machines().host());
    }

    @Test
    void locatedPresetLoadsWithItsPresetName() throws Exception {
        MachineFileSource preset = new CrossFileLocator(HostEnvironment.of(Map.of(), Map.of(),
                Path.of("/nonexistent-cwd"))).locate("test-only-preset", MachineFileKind.CROSS,
                List.of());
        CrossEnvironment env = CrossEnvironment.load(List.of(preset), List.of(), BUILD, MachineFileContext.none());
        assertEquals(Machine.of("linux", "aarch64", "aarch64", Endian.LITTLE), env.machines().host());
        assertEquals("preset:test-only-preset.ini", env.crossFiles().get(0).name());
    }

    @Test
    void warningsAndResultsCannotBeChanged() throws Exception {
        CrossEnvironment env = cross("[properties]\nx = 1\n");
        assertThrows(UnsupportedOperationException.class, () -> env.warnings().clear());
        assertThrows(UnsupportedOperationException.class, () -> env.host().properties().clear());
    }
}
