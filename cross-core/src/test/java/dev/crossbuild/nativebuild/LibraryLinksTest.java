package dev.crossbuild.nativebuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The links beside a versioned library, and the copies that stand in for them where links cannot be made. */
class LibraryLinksTest {

    @TempDir
    Path dir;

    private static final List<OutputNames.Alias> ALIASES = List.of(new OutputNames.Alias("libz.so.1", "libz.so.1.3.1"),
            new OutputNames.Alias("libz.so", "libz.so.1"));

    @Test
    void makesRelativeLinksAndMendsOneThatPointsElsewhere() throws Exception {
        Path library = Files.writeString(dir.resolve("libz.so.1.3.1"), "code");
        Files.createSymbolicLink(dir.resolve("libz.so"), Path.of("libz.so.0"));

        LibraryLinks.make(library, ALIASES);

        assertEquals(Path.of("libz.so.1.3.1"), Files.readSymbolicLink(dir.resolve("libz.so.1")));
        assertEquals(Path.of("libz.so.1"), Files.readSymbolicLink(dir.resolve("libz.so")));
        assertEquals("code", Files.readString(dir.resolve("libz.so")));
    }

    @Test
    void aCopyThatStillMatchesTheLibraryIsLeftAloneAndAStaleOneIsReplaced() throws Exception {
        Path library = Files.writeString(dir.resolve("libz.so.1.3.1"), "code");
        Files.setLastModifiedTime(library, FileTime.fromMillis(1_000_000_000_000L));
        Path copy = Files.copy(library, dir.resolve("libz.so.1"), StandardCopyOption.COPY_ATTRIBUTES);
        Files.createSymbolicLink(dir.resolve("libz.so"), Path.of("libz.so.1"));

        LibraryLinks.make(library, ALIASES);
        assertFalse(Files.isSymbolicLink(copy), "a copy with the library's size and time stays");

        Files.writeString(library, "new code");
        LibraryLinks.make(library, ALIASES);
        assertTrue(Files.isSymbolicLink(copy), "a copy of an older library is made again");
        assertEquals("new code", Files.readString(dir.resolve("libz.so")));
    }
}
