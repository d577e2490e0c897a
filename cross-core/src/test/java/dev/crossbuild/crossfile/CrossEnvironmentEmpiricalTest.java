package dev.crossbuild.crossfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbuild.machine.Endian;
import dev.crossbuild.machine.Machine;
import dev.crossbuild.testing.Fixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Every case of {@code empirical/semantics/} and {@code empirical/misc/} (plus the semantic cases of
 * {@code syntax/} and {@code layering/}) against what {@code empirical/EXPECTED.md} records for Meson HEAD, on a
 * fixed x86_64 Linux build machine. Where we are deliberately stricter than Meson the test says so.
 */
class CrossEnvironmentEmpiricalTest {

    static final Machine BUILD = new Machine("linux", "x86_64", "x86_64", Endian.LITTLE, Optional.of("linux"),
            Optional.of("linux"));
    static final Machine AARCH64 = Machine.of("linux", "aarch64", "aarch64", Endian.LITTLE);

    static Path file(String relative) {
        return Fixtures.mesonCross("empirical/" + relative);
    }

    static List<MachineFileSource> sources(Path... files) throws CrossFileException {
        List<MachineFileSource> sources = new ArrayList<>();
        for (Path f : files) {
            sources.add(MachineFileSource.read(f));
        }
        return sources;
    }

    static CrossEnvironment cross(String... relative) throws CrossFileException {
        Path[] files = new Path[relative.length];
        for (int i = 0; i < relative.length; i++) {
            files[i] = file(relative[i]);
        }
        return CrossEnvironment.load(sources(files), List.of(), BUILD, MachineFileContext.none());
    }

    static CrossFileException crossError(String relative) {
        return assertThrows(CrossFileException.class, () -> cross(relative));
    }

    static String name(String relative) {
        return file(relative).toString();
    }

    static Value strings(String... values) {
        return Value.ofStrings(List.of(values));
    }

    static List<String> warnings(CrossEnvironment env) {
        return env.warnings().stream().map(CrossFileWarning::toString).toList();
    }

    private static void assertCanRun(boolean expected, CrossEnvironment env) {
        assertTrue(env.isCrossBuild());
        assertEquals(expected, env.canRunHostBinaries());
    }

    // ---- semantics/

    @Test
    void s01_noHostMachineMeansHostIsBuild() throws Exception {
        CrossEnvironment env = cross("semantics/s01_no_host_machine.txt");
        assertEquals(BUILD, env.machines().host());
        assertEquals(BUILD, env.machines().target());
        assertCanRun(true, env);
        assertFalse(env.needsExeWrapper());
        assertEquals(Value.of("no host section"), env.host().properties().get("x"));
        assertEquals(Optional.of(List.of("gcc")), env.host().binaries().argv("c"));
        assertEquals(List.of(), warnings(env));
    }

    @Test
    void s02_targetOnlyKeepsHostAsBuild() throws Exception {
        CrossEnvironment env = cross("semantics/s02_target_only.txt");
        assertEquals(BUILD, env.machines().host());
        assertEquals(Machine.of("linux", "mips", "mips", Endian.LITTLE), env.machines().target());
        assertCanRun(true, env);
    }

    @Test
    void s03_unknownCpuFamilyWarnsAndSuggestsAarch64() throws Exception {
        CrossEnvironment env = cross("semantics/s03_unknown_cpu_family.txt");
        assertEquals(Machine.of("linux", "arm64", "armv8", Endian.LITTLE), env.machines().host());
        assertCanRun(false, env);
        assertEquals(List.of(name("semantics/s03_unknown_cpu_family.txt") + ":6: [host_machine] cpu_family 'arm64' "
                + "is not one of Meson's CPU families (Meson warns \"Unknown CPU family arm64\" and goes on); "
                + "did you mean 'aarch64'?"), warnings(env));
        assertEquals(Optional.of("cpu_family"), env.warnings().get(0).key());
    }

    @Test
    void s04_unknownSystemWarns() throws Exception {
        CrossEnvironment env = cross("semantics/s04_unknown_system.txt");
        assertEquals(Machine.of("bare metal", "aarch64", "aarch64", Endian.LITTLE), env.machines().host());
        assertCanRun(false, env);
        assertEquals(List.of(name("semantics/s04_unknown_system.txt") + ":5: [host_machine] system 'bare metal' is "
                + "not one of Meson's systems (Meson warns \"Unknown system bare metal\" and goes on)"), warnings(env));
    }

    @Test
    void s05_x86HostRunsOnX86_64() throws Exception {
        CrossEnvironment env = cross("semantics/s05_x86_on_x86_64.txt");
        assertEquals(Machine.of("linux", "x86", "i686", Endian.LITTLE), env.machines().host());
        assertFalse(env.needsExeWrapper());
        assertCanRun(true, env);
    }

    @Test
    void s06_armHostDoesNotRunOnX86_64() throws Exception {
        CrossEnvironment env = cross("semantics/s06_arm_on_x86_64.txt");
        assertEquals(Machine.of("linux", "arm", "armv7", Endian.LITTLE), env.machines().host());
        assertTrue(env.needsExeWrapper());
        assertCanRun(false, env);
    }

    @Test
    void s07_windowsHostDoesNotRunOnLinux() throws Exception {
        CrossEnvironment env = cross("semantics/s07_windows_x86_64.txt");
        assertEquals(Machine.of("windows", "x86_64", "x86_64", Endian.LITTLE), env.machines().host());
        assertCanRun(false, env);
    }

    @Test
    void s08_needsExeWrapperFalseOverridesDetection() throws Exception {
        CrossEnvironment env = cross("semantics/s08_needs_exe_wrapper_false.txt");
        assertEquals(AARCH64, env.machines().host());
        assertEquals(Value.of(false), env.host().properties().get("needs_exe_wrapper"));
        assertFalse(env.needsExeWrapper());
        assertCanRun(true, env);
    }

    @Test
    void s09_needsExeWrapperTrueOnARunnableHost() throws Exception {
        CrossEnvironment env = cross("semantics/s09_needs_exe_wrapper_true_native.txt");
        assertEquals(Machine.of("linux", "x86_64", "x86_64", Endian.LITTLE), env.machines().host());
        assertTrue(env.needsExeWrapper());
        assertCanRun(false, env);
    }

    @Test
    void s10_exeWrapperNamingAMissingProgramStillCounts() throws Exception {
        CrossEnvironment env = cross("semantics/s10_exe_wrapper_missing_program.txt");
        assertTrue(env.needsExeWrapper());
        assertEquals(Optional.of(List.of("no-such-wrapper")), env.host().binaries().exeWrapper());
        assertCanRun(true, env);
    }

    @Test
    void s11_emptyExeWrapperListMeansNone() throws Exception {
        CrossEnvironment env = cross("semantics/s11_exe_wrapper_empty_list.txt");
        assertEquals(Optional.empty(), env.host().binaries().exeWrapper());
        assertEquals(List.of(), env.host().binaries().entries().get("exe_wrapper"));
        assertCanRun(false, env);
    }

    @Test
    void s12_missingCompilerIsNotAMachineFileError() throws Exception {
        CrossEnvironment env = cross("semantics/s12_missing_c_binary.txt");
        assertEquals(AARCH64, env.machines().host());
        assertEquals(Optional.empty(), env.host().binaries().argv("c"));
        assertEquals(Optional.of(List.of("aarch64-linux-gnu-ar")), env.host().binaries().argv("ar"));
        assertCanRun(false, env);
    }

    @Test
    void s13_ccachePrefixIsPartOfTheArgv() throws Exception {
        CrossEnvironment env = cross("semantics/s13_ccache_prefix.txt");
        assertEquals(Optional.of(List.of("ccache", "aarch64-linux-gnu-gcc")), env.host().binaries().argv("c"));
        assertEquals(List.of(), warnings(env));
    }

    @Test
    void s14_compilerWithArgumentsIsAnArgv() throws Exception {
        CrossEnvironment env = cross("semantics/s14_compiler_with_args.txt");
        assertEquals(Optional.of(List.of("aarch64-linux-gnu-gcc", "-mcpu=cortex-a53")),
                env.host().binaries().argv("c"));
        assertEquals(List.of(), warnings(env));
    }

    @Test
    void s15_stringWithSpaceIsOneProgramAndWarns() throws Exception {
        CrossEnvironment env = cross("semantics/s15_string_with_space.txt");
        assertEquals(Optional.of(List.of("aarch64-linux-gnu-gcc -O2")), env.host().binaries().argv("c"));
        assertEquals(List.of(name("semantics/s15_string_with_space.txt") + ":2: [binaries] c = "
                + "'aarch64-linux-gnu-gcc -O2' names one program whose name contains a space (Meson never splits a "
                + "string); if you meant a program and its arguments, write c = ['aarch64-linux-gnu-gcc', '-O2']"),
                warnings(env));
    }

    @Test
    void s16_defaultSectionIsRejected() {
        CrossFileException e = crossError("semantics/s16_default_section.txt");
        assertEquals(Optional.of(name("semantics/s16_default_section.txt")), e.file());
        assertEquals(1, e.line());
    }

    @Test
    void s17_capitalisedSectionsAreIgnoredWithAWarning() throws Exception {
        CrossEnvironment env = cross("semantics/s17_capitalised_section.txt");
        assertEquals(BUILD, env.machines().host());
        assertCanRun(true, env);
        assertEquals(Optional.empty(), env.host().binaries().argv("c"));
        String f = name("semantics/s17_capitalised_section.txt");
        assertEquals(List.of(
                f + ":1: section [Binaries] is ignored: section names are case-sensitive and Meson silently ignores "
                        + "[Binaries] too; did you mean [binaries]?",
                f + ":3: section [Host_Machine] is ignored: section names are case-sensitive and Meson silently "
                        + "ignores [Host_Machine] too; did you mean [host_machine]?"), warnings(env));
    }

    @Test
    void s18_differingPkgconfigAndPkgConfigAreAnError() {
        CrossFileException e = crossError("semantics/s18_pkgconfig_old_name.txt");
        String f = name("semantics/s18_pkgconfig_old_name.txt");
        assertEquals(f + ":4: [binaries] pkgconfig = 'pkg-config' disagrees with pkg-config = 'pkgconf' (" + f
                + ":5); Meson 1.3 and later stop with \"Mismatched pkgconfig and pkg-config binaries in the machine "
                + "file.\"; write both keys with the same value (Meson 1.0.1 reads pkgconfig, newer Meson reads "
                + "pkg-config)", e.getMessage());
        assertEquals(Optional.of("pkgconfig"), e.key());
    }

    @Test
    void s19_compilerArgsInPropertiesMoveToOptions() throws Exception {
        CrossEnvironment env = cross("semantics/s19_properties_c_args.txt");
        assertEquals(strings("-DFROM_PROPERTIES"), env.host().builtInOptions().get("c_args"));
        assertFalse(env.host().properties().containsKey("c_args"));
        assertEquals(List.of(name("semantics/s19_properties_c_args.txt") + ":5: [properties] c_args is deprecated "
                + "since Meson 0.56.0 and is used as the c_args option; move it to [built-in options]"), warnings(env));
    }

    @Test
    void s20_kernelAndSubsystemAreRead() throws Exception {
        CrossEnvironment env = cross("semantics/s20_kernel_subsystem.txt");
        assertEquals(new Machine("linux", "aarch64", "aarch64", Endian.LITTLE, Optional.of("linux"),
                Optional.of("linux")), env.machines().host());
        assertCanRun(false, env);
    }

    @Test
    void s21_endianOtherThanLittleOrBigIsAnError() {
        // Stricter than Meson, which warns "Unknown endian BIG" and carries the value on.
        CrossFileException e = crossError("semantics/s21_endian_big.txt");
        assertEquals(name("semantics/s21_endian_big.txt") + ":8: [host_machine] endian must be 'little' or 'big', "
                + "found 'BIG'; Meson knows only these two spellings (it warns \"Unknown endian BIG\" and passes the "
                + "value on, so nothing treats it as either)", e.getMessage());
        assertEquals(Optional.of("endian"), e.key());
    }

    @Test
    void s22_emptyCrossFileIsStillACrossBuild() throws Exception {
        CrossEnvironment env = cross("semantics/s22_empty_file.txt");
        assertEquals(BUILD, env.machines().host());
        assertEquals(BUILD, env.machines().target());
        assertCanRun(true, env);
        assertEquals(MachineConfig.empty(), env.host());
        assertEquals(List.of(), warnings(env));
    }

    @Test
    void s23_indentedLinesParse() throws Exception {
        CrossEnvironment env = cross("semantics/s23_indented_lines.txt");
        assertEquals(AARCH64, env.machines().host());
        assertEquals(Optional.of(List.of("aarch64-linux-gnu-gcc")), env.host().binaries().argv("c"));
        assertCanRun(false, env);
    }

    // ---- syntax/ cases that are about meaning

    @Test
    void e18_missingCpuListsWhatIsThereAndWhatIsMissing() {
        CrossFileException e = crossError("syntax/e18_missing_cpu.txt");
        assertEquals(name("syntax/e18_missing_cpu.txt") + ":3: [host_machine] is missing cpu (it has system = "
                + "'linux', cpu_family = 'aarch64', endian = 'little'); a machine section needs system, cpu_family, "
                + "cpu and endian", e.getMessage());
        assertEquals(Optional.of("cpu"), e.key());
    }

    @Test
    void e19_missingCpuWithAnExtraKeyIsTheSameCleanError() {
        CrossFileException e = crossError("syntax/e19_missing_cpu_extra_key.txt");
        assertEquals(name("syntax/e19_missing_cpu_extra_key.txt") + ":3: [host_machine] is missing cpu (it has "
                + "system = 'linux', cpu_family = 'aarch64', endian = 'little', subsystem = 'foo'); a machine section "
                + "needs system, cpu_family, cpu and endian", e.getMessage());
    }

    @Test
    void e20_booleanBinaryIsAnError() {
        CrossFileException e = crossError("syntax/e20_binary_bool.txt");
        assertEquals(name("syntax/e20_binary_bool.txt") + ":3: [binaries] strip must be a string or an array of "
                + "strings, found boolean true; write the program (and its arguments) in single quotes, e.g. "
                + "strip = '<program>' or strip = ['<program>', '<argument>']", e.getMessage());
        assertEquals(Optional.of("strip"), e.key());
    }

    @Test
    void e24_integerInHostMachineIsAnError() {
        CrossFileException e = crossError("syntax/e24_int_in_host_machine.txt");
        assertEquals(name("syntax/e24_int_in_host_machine.txt") + ":7: [host_machine] endian must be a string, "
                + "found integer 1; write it in single quotes, e.g. endian = 'little'", e.getMessage());
    }

    @Test
    void e27_twoColonsInASectionNameAreAnError() {
        CrossFileException e = crossError("syntax/e27_sub_in_section_name.txt");
        assertEquals(name("syntax/e27_sub_in_section_name.txt") + ":3: section [foo:bar:built-in options]: "
                + "subproject options should always be set as [subproject:section], even if the options are from a "
                + "nested subproject; replace [foo:bar:built-in options] with [bar:built-in options]", e.getMessage());
    }

    @Test
    void e28_subprojectKeyInBuiltInOptionsIsAnError() {
        CrossFileException e = crossError("syntax/e28_subproject_key_in_builtin.txt");
        assertEquals(name("syntax/e28_subproject_key_in_builtin.txt") + ":4: [built-in options] sub:c_std sets an "
                + "option of subproject sub, which Meson does not allow in this section; write c_std = 'c99' in a "
                + "[sub:built-in options] section instead", e.getMessage());
        assertEquals(Optional.of("sub:c_std"), e.key());
    }

    // ---- layering/

    @Test
    void layeringBaseThenOverride() throws Exception {
        CrossEnvironment env = cross("layering/base.txt", "layering/override.txt");
        assertEquals(Value.of("override"), env.host().properties().get("who"));
        assertEquals(Value.of("yes"), env.host().properties().get("only_in_base"));
        assertEquals(strings("-DOVERRIDE"), env.host().builtInOptions().get("c_args"));
        assertEquals(Machine.of("linux", "aarch64", "cortex-a72", Endian.LITTLE), env.machines().host());
        assertEquals(2, env.crossFiles().size());
    }

    @Test
    void layeringOverrideThenBase() throws Exception {
        CrossEnvironment env = cross("layering/override.txt", "layering/base.txt");
        assertEquals(Value.of("base"), env.host().properties().get("who"));
        assertEquals(strings("-DBASE"), env.host().builtInOptions().get("c_args"));
        assertEquals(AARCH64, env.machines().host());
    }

    @Test
    void layeringConstantsFromAnotherFile() throws Exception {
        CrossEnvironment aarch64 = cross("layering/arch-aarch64.txt", "layering/generic.txt");
        assertEquals(Optional.of(List.of("aarch64-linux-gnu-gcc")), aarch64.host().binaries().argv("c"));
        assertEquals(AARCH64, aarch64.machines().host());
        Machine arm = Machine.of("linux", "arm", "arm", Endian.LITTLE);
        for (CrossEnvironment env : List.of(cross("layering/arch-arm.txt", "layering/generic.txt"),
                cross("layering/generic.txt", "layering/arch-arm.txt"))) {
            assertEquals(Optional.of(List.of("arm-linux-gnueabihf-gcc")), env.host().binaries().argv("c"));
            assertEquals(arm, env.machines().host());
        }
    }

    // ---- misc/

    @Test
    void aarch64KeepsPropertiesTyped() throws Exception {
        CrossEnvironment env = cross("misc/aarch64.txt");
        assertEquals(Machine.of("linux", "aarch64", "cortex-a53", Endian.LITTLE), env.machines().host());
        assertEquals(env.machines().host(), env.machines().target());
        assertEquals(BUILD, env.machines().build());
        assertCanRun(false, env);
        assertEquals(Value.of(42), env.host().properties().get("answer"));
        assertEquals(Value.of(true), env.host().properties().get("flag"));
        assertEquals(Value.of("/usr/aarch64-linux-gnu"), env.host().properties().get("sys_root"));
        assertEquals(strings("/usr/aarch64-linux-gnu/lib/pkgconfig", "/usr/lib/aarch64-linux-gnu/pkgconfig"),
                env.host().properties().get("pkg_config_libdir"));
        assertEquals(List.of("c", "cpp", "ar", "strip", "pkg-config"),
                List.copyOf(env.host().binaries().entries().keySet()));
        assertEquals(Optional.of(List.of("pkg-config")), env.host().binaries().argv("pkgconfig"));
        assertEquals(List.of(), warnings(env));
        assertEquals(MachineConfig.empty(), env.build());
    }

    @Test
    void aarch64WithQemuWrapperCanRun() throws Exception {
        CrossEnvironment env = cross("misc/aarch64.txt", "misc/qemu.txt");
        assertEquals(Optional.of(List.of("qemu-aarch64", "-L", "/usr/aarch64-linux-gnu")),
                env.host().binaries().exeWrapper());
        assertTrue(env.needsExeWrapper());
        assertCanRun(true, env);
        assertEquals(Value.of(true), env.host().properties().get("has_function_hfkerhisadf"));
    }

    @Test
    void sizeofPropertiesAreKeptAsPlainProperties() throws Exception {
        CrossEnvironment env = cross("misc/aarch64.txt", "misc/sizeof_props.txt");
        assertEquals(Value.of(2), env.host().properties().get("sizeof_int"));
        assertEquals(Value.of(2), env.host().properties().get("sizeof_void*"));
        assertEquals(Value.of(2), env.host().properties().get("alignment_double"));
        assertEquals(Value.of(false), env.host().properties().get("has_function_printf"));
    }

    @Test
    void constantsFeedBinariesPropertiesAndOptions() throws Exception {
        CrossEnvironment env = cross("misc/constants.txt");
        assertEquals(Optional.of(List.of("/usr/bin/aarch64-linux-gnu-gcc")), env.host().binaries().argv("c"));
        Map<String, Value> p = env.host().properties();
        assertEquals(Value.of("/a/b"), p.get("joined"));
        assertEquals(Value.of("/b"), p.get("abs_right"));
        assertEquals(strings("-DCOMMON=1", "-DX=2", "-DY=3"), p.get("arr"));
        assertEquals(Value.of("first-second"), p.get("same_section_b"));
        assertEquals(Value.of(true), p.get("pybool"));
        assertEquals(Value.of(16), p.get("hexnum"));
        assertEquals(Value.of("/usr/aarch64-linux-gnu"), p.get("sys_root"));
        assertEquals(strings("-DCOMMON=1", "-DFROM_CONSTANTS"), env.host().builtInOptions().get("c_args"));
        assertEquals(Map.of(), env.build().builtInOptions());
    }

    @Test
    void backslashesStayLiteral() throws Exception {
        CrossEnvironment env = cross("misc/backslash.txt");
        assertEquals(Value.of("C:\\new\\tab"), env.host().properties().get("one"));
        assertEquals(Value.of("C:\\\\dir\\\\x"), env.host().properties().get("two"));
        assertEquals(Value.of("\\101"), env.host().properties().get("octal"));
        assertEquals(BUILD, env.machines().host());
    }

    @Test
    void buildOptionInACrossFileWarnsAndAppliesToTheBuildMachine() throws Exception {
        CrossEnvironment env = cross("misc/cross_build_opt.txt");
        assertEquals(strings("-DHOST_FROM_CROSS"), env.host().builtInOptions().get("c_args"));
        assertFalse(env.host().builtInOptions().containsKey("build.c_args"));
        assertEquals(Map.of("c_args", strings("-DBUILD_FROM_CROSS")), env.build().builtInOptions());
        assertEquals(List.of(name("misc/cross_build_opt.txt") + ":5: [built-in options] build.c_args sets a "
                + "build-machine option from a cross file, which is deprecated (Meson 1.0.1 ignores it, newer Meson "
                + "applies it, as we do); move c_args to a native file"), warnings(env));
    }

    @Test
    void nativeFileWithCrossFileDescribesOnlyTheBuildMachine() throws Exception {
        CrossEnvironment env = CrossEnvironment.load(sources(file("misc/aarch64.txt")),
                sources(file("misc/native.txt")), BUILD, MachineFileContext.none());
        assertCanRun(false, env);
        assertEquals(Optional.of(List.of("clang")), env.build().binaries().argv("c"));
        assertEquals(Optional.of(List.of("aarch64-linux-gnu-gcc")), env.host().binaries().argv("c"));
        assertEquals(strings("-DNATIVE_FILE"), env.build().builtInOptions().get("c_args"));
        assertFalse(env.host().builtInOptions().containsKey("c_args"));
        assertEquals(Value.of("native-value"), env.build().properties().get("nprop"));
        assertFalse(env.host().properties().containsKey("nprop"));
        assertEquals(1, env.nativeFiles().size());
        assertEquals(1, env.crossFiles().size());
    }

    @Test
    void nativeFileAloneIsANativeBuild() throws Exception {
        CrossEnvironment env = CrossEnvironment.load(List.of(), sources(file("misc/native.txt")), BUILD,
                MachineFileContext.none());
        assertFalse(env.isCrossBuild());
        assertEquals(BUILD, env.machines().host());
        assertEquals(BUILD, env.machines().target());
        assertTrue(env.canRunHostBinaries());
        assertFalse(env.needsExeWrapper());
        assertEquals(Optional.of(List.of("clang")), env.host().binaries().argv("c"));
        assertEquals(Value.of("native-value"), env.host().properties().get("nprop"));
        assertEquals(strings("-DNATIVE_FILE"), env.host().builtInOptions().get("c_args"));
        assertEquals(env.host(), env.build());
    }

    @Test
    void machineSectionsOfANativeFileAreIgnoredWithWarnings() throws Exception {
        CrossEnvironment env = CrossEnvironment.load(List.of(), sources(file("misc/native_bm.txt")), BUILD,
                MachineFileContext.none());
        assertFalse(env.isCrossBuild());
        assertEquals(BUILD, env.machines().host());
        String f = name("misc/native_bm.txt");
        assertEquals(List.of(
                f + ":1: section [build_machine] is ignored: Meson never reads it, the build machine is always "
                        + "detected (here linux/x86_64 (x86_64, little))",
                f + ":6: section [host_machine] is ignored in a native file: Meson reads it only from cross files; "
                        + "move it to a cross file to describe the host machine"), warnings(env));
    }

    @Test
    void buildMachineSectionOfACrossFileIsIgnoredWithAWarning() throws Exception {
        CrossEnvironment env = cross("misc/native_bm.txt");
        assertEquals(Machine.of("linux", "arm", "armv7", Endian.LITTLE), env.machines().host());
        assertEquals(BUILD, env.machines().build());
        assertEquals(List.of(name("misc/native_bm.txt") + ":1: section [build_machine] is ignored: Meson never reads "
                + "it, the build machine is always detected (here linux/x86_64 (x86_64, little))"), warnings(env));
    }

    @Test
    void needsExeWrapperAsAStringIsAnError() {
        // Meson 1.0.1 takes the string as true; HEAD fails with an AssertionError.
        CrossFileException e = crossError("misc/needs_exe_wrapper_string.txt");
        assertEquals(name("misc/needs_exe_wrapper_string.txt") + ":5: [properties] needs_exe_wrapper must be a "
                + "boolean, found string 'false'; write needs_exe_wrapper = false without quotes (Meson 1.0.1 takes "
                + "any non-empty string as true, so 'false' would mean true there; newer Meson stops with an internal "
                + "error)", e.getMessage());
        assertEquals(Optional.of("needs_exe_wrapper"), e.key());
    }

    @Test
    void hostSubsystemOtherThanTheBuildOnesCannotRun() throws Exception {
        CrossEnvironment env = cross("misc/x86_64_sub.txt");
        assertEquals(Optional.of("musl-something"), env.machines().host().subsystem());
        assertCanRun(false, env);
    }

    @Test
    void pkgConfigEntryWithPkgConfigEnvironmentSettings() throws Exception {
        CrossEnvironment env = cross("misc/pkgconfig_env_cross.txt");
        assertEquals(Optional.of(List.of("fake-pkg-config")), env.host().binaries().argv("pkg-config"));
        assertEquals(strings("/opt/extra/pkgconfig"), env.host().builtInOptions().get("pkg_config_path"));
        assertEquals(Value.of("/opt/sysroot-aarch64"), env.host().properties().get("sys_root"));
    }

    @Test
    void oldPkgconfigKeyIsAvailableUnderTheNewName() throws Exception {
        CrossEnvironment env = cross("misc/pkgconfig_env_cross_oldkey.txt");
        assertEquals(Optional.of(List.of("fake-pkg-config")), env.host().binaries().argv("pkg-config"));
        assertEquals(Optional.of(List.of("fake-pkg-config")), env.host().binaries().argv("pkgconfig"));
        assertEquals(List.of(name("misc/pkgconfig_env_cross_oldkey.txt") + ":4: [binaries] pkgconfig is deprecated "
                + "since Meson 1.3, which reads pkg-config; also write pkg-config = 'fake-pkg-config' so that old "
                + "and new Meson both find it"), warnings(env));
    }
}
