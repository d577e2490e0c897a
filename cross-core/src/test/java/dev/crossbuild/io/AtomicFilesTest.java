package dev.crossbuild.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void replacesTheFileWholeAndLeavesNoTemporaryBehind() throws Exception {
        Path target = dir.resolve("out/demo.jar");
        AtomicFiles.write(target, new byte[] {1, 2, 3});
        AtomicFiles.write(target, new byte[] {4, 5});

        assertArrayEquals(new byte[] {4, 5}, Files.readAllBytes(target));
        try (var listing = Files.list(target.getParent())) {
            assertEquals(List.of(target), listing.toList());
        }
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void theFileHasTheModeAnyNewFileGetsNotOnlyItsOwners() throws Exception {
        // A jar attached to the build is copied, archived and served like Maven's own jar: the umask decides.
        Path reference = Files.createFile(dir.resolve("reference"));
        Path target = dir.resolve("demo-linux-aarch_64.jar");

        AtomicFiles.write(target, new byte[] {1});

        assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(target));
    }

    @Test
    void writeIfChangedLeavesAnEqualFileAlone() throws Exception {
        Path target = dir.resolve("setup.json");
        assertTrue(AtomicFiles.writeStringIfChanged(target, "{}\n"));
        assertFalse(AtomicFiles.writeStringIfChanged(target, "{}\n"));
        assertTrue(AtomicFiles.writeStringIfChanged(target, "{\"a\": 1}\n"));
    }
}
