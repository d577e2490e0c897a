package dev.crossbuild.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file where an output folder must be: the message says which file and what to do. */
class FoldersTest {

    @TempDir
    Path dir;

    @Test
    void createsMissingFoldersAndAcceptsExistingOnes() throws Exception {
        Path folder = dir.resolve("target/cross/linux-aarch_64/obj/mix");
        assertEquals(folder, Folders.create(folder));
        assertTrue(Files.isDirectory(folder));
        assertEquals(folder, Folders.create(folder));
    }

    @Test
    void aFileWhereTheFolderMustBeIsNamedWithTheRemedy() throws IOException {
        Path classifier = dir.resolve("target/cross/linux-aarch_64");
        Files.createDirectories(classifier.getParent());
        Files.writeString(classifier, "in the way");

        FolderException e = assertThrows(FolderException.class, () -> Folders.create(classifier));
        assertEquals(classifier + " is a file, not a folder; delete or move it (mvn clean deletes everything under "
                + "target/)", e.getMessage());
        assertEquals(classifier.toString(), e.value());
        assertEquals("delete or move it (mvn clean deletes everything under target/)", e.remedy().orElseThrow());
    }

    @Test
    void aFileAboveTheFolderIsNamedAsWhatIsInTheWay() throws IOException {
        Path obj = dir.resolve("target/classifier/obj");
        Files.createDirectories(obj.getParent());
        Files.writeString(obj, "");

        FolderException e = assertThrows(FolderException.class, () -> Folders.create(obj.resolve("mix/sub")));
        assertEquals(obj + " is a file, not a folder (cross needs the folder " + obj.resolve("mix/sub")
                + " in it); delete or move it (mvn clean deletes everything under target/)", e.getMessage());
        assertEquals(obj.toString(), e.value());
    }

    @Test
    void outsideTheBuildFolderMvnCleanIsNoRemedy() throws IOException {
        // A user's cache folder (cross.toolchainCache, sysroots): mvn clean does not touch it.
        assumeFalse(StreamSupport.stream(dir.spliterator(), false).anyMatch(name -> name.toString().equals("target")),
                "the temporary folder is itself in a build folder");
        Path cache = Files.writeString(dir.resolve("cache"), "a file");

        FolderException e = assertThrows(FolderException.class, () -> Folders.create(cache.resolve("toolchains")));

        assertEquals("delete or move it", e.remedy().orElseThrow());
    }

    @Test
    void aBrokenLinkIsSaidToBeOne() throws IOException {
        Path link = Files.createSymbolicLink(dir.resolve("lib"), dir.resolve("nowhere"));
        FolderException e = assertThrows(FolderException.class, () -> Folders.create(link));
        assertTrue(e.getMessage().startsWith(link + " is a broken link, not a folder; "), e.getMessage());
    }

    @Test
    void forIoOnlyCallersTheExplanationIsTheMessageAndTheCause() throws IOException {
        Path file = Files.writeString(dir.resolve("bin"), "");
        IOException e = assertThrows(IOException.class, () -> Folders.createOrExplain(file.resolve("x")));
        assertInstanceOf(FolderException.class, e.getCause());
        assertEquals(e.getCause().getMessage(), e.getMessage());
    }

    @Test
    void atomicWritesExplainTheFileInTheWayToo() throws IOException {
        Path file = Files.writeString(dir.resolve("include"), "");
        IOException e = assertThrows(IOException.class,
                () -> AtomicFiles.writeString(file.resolve("cross_config.h"), "#define X 1\n"));
        assertTrue(e.getMessage().startsWith(file + " is a file, not a folder; delete or move it"), e.getMessage());
    }
}
