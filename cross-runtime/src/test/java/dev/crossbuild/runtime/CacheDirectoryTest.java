package dev.crossbuild.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheDirectoryTest {

    @TempDir
    Path temp;

    @Test
    void linuxUsesXdgCacheHomeThenDotCache() {
        assertEquals(Arrays.asList(Paths.get("/xdg/cross-runtime"), Paths.get("/tmp/cross-runtime-ann")),
                CacheDirectory.candidates("linux", null, "/xdg", null, "/home/ann", "/tmp", "ann"));
        assertEquals(Arrays.asList(Paths.get("/home/ann/.cache/cross-runtime"), Paths.get("/tmp/cross-runtime-ann")),
                CacheDirectory.candidates("freebsd", null, null, null, "/home/ann", "/tmp", "ann"));
        // A relative XDG_CACHE_HOME is invalid: ignored.
        assertEquals(Paths.get("/home/ann/.cache/cross-runtime"),
                CacheDirectory.candidates("linux", null, "relative", null, "/home/ann", "/tmp", "ann").get(0));
    }

    @Test
    void macOsAndWindowsUseTheirCacheFolders() {
        assertEquals(Paths.get("/Users/ann/Library/Caches/cross-runtime"),
                CacheDirectory.candidates("osx", null, "/xdg", null, "/Users/ann", "/tmp", "ann").get(0));
        assertEquals(Paths.get("C:/Users/ann/AppData/Local", "cross-runtime"),
                CacheDirectory.candidates("windows", null, null, "C:/Users/ann/AppData/Local", "C:/Users/ann",
                        "C:/Temp", "ann").get(0));
    }

    @Test
    void thePropertyIsTheOnlyCandidate() {
        assertEquals(Collections.singletonList(Paths.get("/opt/natives")),
                CacheDirectory.candidates("linux", "/opt/natives", "/xdg", null, "/home/ann", "/tmp", "ann"));
    }

    @Test
    void theUserNameIsMadeSafeForAFileName() {
        assertEquals(Paths.get("/tmp/cross-runtime-DOMAIN_ann"),
                CacheDirectory.candidates("linux", null, null, null, null, "/tmp", "DOMAIN\\ann").get(0));
    }

    @Test
    void choosesTheFirstUsableFolderAndLeavesNoProbe() throws IOException {
        Path notAFolder = Files.createFile(temp.resolve("file"));
        Path fallback = temp.resolve("tmp").resolve("cross-runtime-ann");
        Path chosen = CacheDirectory.choose(Arrays.asList(notAFolder.resolve("cross-runtime"), fallback), true);
        assertEquals(fallback, chosen);
        assertEquals(new TreeSet<String>(), TestFiles.filesUnder(chosen));
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(chosen)));
        }
    }

    @Test
    void noUsableFolderNamesEachOneTried() throws IOException {
        Path notAFolder = Files.createFile(temp.resolve("file"));
        List<Path> candidates = Arrays.asList(notAFolder.resolve("a"), notAFolder.resolve("b"));
        IOException e = assertThrows(IOException.class, () -> CacheDirectory.choose(candidates, false));
        assertTrue(e.getMessage().startsWith("no usable cache folder (" + notAFolder.resolve("a") + ": "),
                e.getMessage());
        assertTrue(e.getMessage().contains("; " + notAFolder.resolve("b") + ": "), e.getMessage());
    }
}
