package dev.crossbuild.crossfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbuild.exec.HostEnvironment;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrossFileLocatorTest {

    private static final String PRESET_LIST = "linux-arm64.ini, linux-arm64-musl.ini, linux-arm64-clang.ini, "
            + "linux-armhf.ini, linux-riscv64.ini, linux-ppc64le.ini, linux-s390x.ini, linux-x64.ini, linux-x64-musl.ini, "
            + "windows-x64.ini";

    @TempDir
    Path tmp;

    private Path module;
    private Path root;
    private Path cwd;
    private Path home;
    private Path dataHome;
    private Path dataDir1;
    private Path dataDir2;

    @BeforeEach
    void layout() throws IOException {
        root = Files.createDirectories(tmp.resolve("root"));
        module = Files.createDirectories(root.resolve("module"));
        cwd = Files.createDirectories(tmp.resolve("cwd"));
        home = Files.createDirectories(tmp.resolve("home"));
        dataHome = Files.createDirectories(tmp.resolve("xdg-home"));
        dataDir1 = Files.createDirectories(tmp.resolve("d1"));
        dataDir2 = Files.createDirectories(tmp.resolve("d2"));
    }

    private Map<String, String> xdgVariables() {
        Map<String, String> vars = new HashMap<>();
        vars.put("HOME", home.toString());
        vars.put("XDG_DATA_HOME", dataHome.toString());
        vars.put("XDG_DATA_DIRS", dataDir1 + ":" + dataDir2);
        return vars;
    }

    private CrossFileLocator locator(Map<String, String> vars) {
        return locator(vars, "Linux");
    }

    private CrossFileLocator locator(Map<String, String> vars, String osName) {
        return new CrossFileLocator(HostEnvironment.of(vars, Map.of("os.name", osName), cwd));
    }

    private static Path write(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    private static String text(MachineFileSource source) {
        return new String(source.content(), StandardCharsets.UTF_8);
    }

    private MachineFileSource locate(Map<String, String> vars, String name) throws CrossFileException {
        return locator(vars).locate(name, MachineFileKind.CROSS, List.of(module, root));
    }

    @Test
    void everyPlaceInOrderWinsOverTheLaterOnes() throws Exception {
        Path[] places = {
            module.resolve("x.ini"),
            root.resolve("x.ini"),
            cwd.resolve("x.ini"),
            dataHome.resolve("meson/cross/x.ini"),
            dataDir1.resolve("meson/cross/x.ini"),
            dataDir2.resolve("meson/cross/x.ini"),
        };
        for (Path place : places) {
            write(place, place.toString());
        }
        for (Path place : places) {
            MachineFileSource found = locate(xdgVariables(), "x.ini");
            assertEquals(place.toString(), text(found));
            assertEquals(place.toString(), found.name());
            assertEquals(Optional.of(place), found.path());
            Files.delete(place);
        }
    }

    @Test
    void relativePathWithDirectoriesIsResolvedAgainstTheModuleFirst() throws Exception {
        write(module.resolve("cross/arm.ini"), "module");
        write(cwd.resolve("cross/arm.ini"), "cwd");
        assertEquals("module", text(locate(xdgVariables(), "cross/arm.ini")));
    }

    @Test
    void absolutePathIsUsedAsIs() throws Exception {
        Path file = write(tmp.resolve("elsewhere/abs.ini"), "abs");
        write(module.resolve("abs.ini"), "module");
        assertEquals("abs", text(locate(xdgVariables(), file.toString())));
    }

    @Test
    void withoutXdgDataHomeTheUserDirectoryIsHomeLocalShare() throws Exception {
        Map<String, String> vars = xdgVariables();
        vars.remove("XDG_DATA_HOME");
        write(home.resolve(".local/share/meson/cross/user.ini"), "user");
        write(dataDir1.resolve("meson/cross/user.ini"), "system");
        assertEquals("user", text(locate(vars, "user.ini")));
    }

    @Test
    void nativeFilesAreSearchedInTheNativeSubfolder() throws Exception {
        write(dataHome.resolve("meson/cross/n.ini"), "cross");
        write(dataHome.resolve("meson/native/n.ini"), "native");
        MachineFileSource found = locator(xdgVariables()).locate("n.ini", MachineFileKind.NATIVE, List.of(module));
        assertEquals("native", text(found));
    }

    @Test
    void directoriesAreSkipped() throws Exception {
        Files.createDirectories(module.resolve("same.ini"));
        Files.createDirectories(cwd.resolve("same.ini"));
        write(dataDir2.resolve("meson/cross/same.ini"), "data dir 2");
        assertEquals("data dir 2", text(locate(xdgVariables(), "same.ini")));
    }

    @Test
    void tildeAndVariablesAreExpandedInTheName() throws Exception {
        write(home.resolve("files/t.ini"), "tilde");
        write(tmp.resolve("var/v.ini"), "var");
        Map<String, String> vars = xdgVariables();
        vars.put("CROSSDIR", tmp.resolve("var").toString());
        assertEquals("tilde", text(locate(vars, "~/files/t.ini")));
        assertEquals("var", text(locate(vars, "$CROSSDIR/v.ini")));
        assertEquals("var", text(locate(vars, "${CROSSDIR}/v.ini")));
    }

    @Test
    void unknownVariablesStayAsWritten() throws Exception {
        write(module.resolve("$NOPE/u.ini"), "literal");
        assertEquals("literal", text(locate(xdgVariables(), "$NOPE/u.ini")));
    }

    @Test
    void bundledPresetIsFoundWithOrWithoutTheIniSuffix() throws Exception {
        MachineFileSource preset = locate(xdgVariables(), "test-only-preset.ini");
        assertEquals("preset:test-only-preset.ini", preset.name());
        assertEquals(Optional.empty(), preset.path());
        assertTrue(text(preset).contains("[host_machine]"));
        assertEquals("preset:test-only-preset.ini", locate(xdgVariables(), "test-only-preset").name());
    }

    @Test
    void aFileOfTheSameNameShadowsThePreset() throws Exception {
        write(root.resolve("test-only-preset.ini"), "mine");
        assertEquals("mine", text(locate(xdgVariables(), "test-only-preset.ini")));
    }

    @Test
    void notFoundListsEveryPlaceTriedInOrder() throws Exception {
        Files.createDirectories(cwd.resolve("gone.ini"));
        CrossFileException e = assertThrows(CrossFileException.class, () -> locate(xdgVariables(), "gone.ini"));
        assertEquals("gone.ini: cross file not found; looked in: "
                + module.resolve("gone.ini") + ", "
                + root.resolve("gone.ini") + ", "
                + cwd.resolve("gone.ini") + " (a directory), "
                + dataHome.resolve("meson/cross/gone.ini") + ", "
                + dataDir1.resolve("meson/cross/gone.ini") + ", "
                + dataDir2.resolve("meson/cross/gone.ini") + ", "
                + "bundled preset gone.ini; bundled presets: " + PRESET_LIST, e.getMessage());
        assertEquals(Optional.of("gone.ini"), e.file());
    }

    @Test
    void notFoundWithDefaultXdgDirectoriesNamesThem() {
        Map<String, String> vars = Map.of("HOME", home.toString());
        CrossFileException e = assertThrows(CrossFileException.class,
                () -> locator(vars).locate("linux-nope", MachineFileKind.NATIVE, List.of()));
        assertEquals("linux-nope: native file not found; looked in: "
                + cwd.resolve("linux-nope") + ", "
                + home.resolve(".local/share/meson/native/linux-nope") + ", "
                + "/usr/local/share/meson/native/linux-nope, /usr/share/meson/native/linux-nope, "
                + "bundled preset linux-nope, bundled preset linux-nope.ini; bundled presets: " + PRESET_LIST,
                e.getMessage());
    }

    @Test
    void onWindowsTheXdgDirectoriesAreNotSearched() {
        write0(dataHome.resolve("meson/cross/w.ini"));
        CrossFileException e = assertThrows(CrossFileException.class,
                () -> locator(xdgVariables(), "Windows 11").locate("w.ini", MachineFileKind.CROSS, List.of()));
        assertEquals("w.ini: cross file not found; looked in: " + cwd.resolve("w.ini")
                + ", bundled preset w.ini; bundled presets: " + PRESET_LIST, e.getMessage());
    }

    @Test
    void theSameDirectoryIsTriedOnlyOnce() {
        CrossFileException e = assertThrows(CrossFileException.class,
                () -> locator(Map.of(), "Windows 11").locate("once.ini", MachineFileKind.CROSS, List.of(cwd, cwd)));
        assertEquals("once.ini: cross file not found; looked in: " + cwd.resolve("once.ini")
                + ", bundled preset once.ini; bundled presets: " + PRESET_LIST, e.getMessage());
    }

    @Test
    void missingAbsolutePathIsNotLookedUpElsewhere() {
        String missing = tmp.resolve("none.ini").toString();
        CrossFileException e = assertThrows(CrossFileException.class, () -> locate(xdgVariables(), missing));
        assertEquals(missing + ": cross file not found; looked in: " + missing + "; bundled presets: "
                + PRESET_LIST, e.getMessage());
    }

    @Test
    void presetNamesComeFromTheIndex() {
        assertEquals(List.of("linux-arm64.ini", "linux-arm64-musl.ini", "linux-arm64-clang.ini", "linux-armhf.ini",
                "linux-riscv64.ini", "linux-ppc64le.ini", "linux-s390x.ini", "linux-x64.ini", "linux-x64-musl.ini",
                "windows-x64.ini"),
                CrossFileLocator.presetNames());
    }

    private static void write0(Path file) {
        try {
            write(file, "x");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
