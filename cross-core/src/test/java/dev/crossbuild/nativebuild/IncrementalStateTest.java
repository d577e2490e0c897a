package dev.crossbuild.nativebuild;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncrementalStateTest {

    @TempDir
    Path dir;

    private Path state;
    private Path object;
    private Path source;
    private Path header;

    @BeforeEach
    void files() throws IOException {
        state = dir.resolve("state.json");
        object = dir.resolve("obj/a.c.o");
        source = dir.resolve("a.c");
        header = dir.resolve("a.h");
        Files.createDirectories(object.getParent());
        Files.writeString(object, "object");
        Files.writeString(source, "#include \"a.h\"\n");
        Files.writeString(header, "int a;\n");
    }

    private IncrementalState recorded() throws IOException {
        IncrementalState s = IncrementalState.load(state);
        s.record(object, "fp1", List.of(source, header));
        s.save();
        return IncrementalState.load(state);
    }

    @Test
    void upToDateAfterRecordAndReload() throws IOException {
        assertTrue(recorded().upToDate(object, "fp1"));
    }

    @Test
    void nothingIsUpToDateWithoutAState() {
        assertFalse(IncrementalState.load(state).upToDate(object, "fp1"));
    }

    @Test
    void aDamagedStateRebuildsEverything() throws IOException {
        Files.writeString(state, "{\"version\": 1, \"files\": [[\"x\"]], ");
        assertFalse(IncrementalState.load(state).upToDate(object, "fp1"));
        Files.writeString(state, "{\"version\": 1, \"files\": [[\"x\", \"y\"]], \"outputs\": {}}");
        assertFalse(IncrementalState.load(state).upToDate(object, "fp1"));
        Files.writeString(state, "{\"version\": 99, \"files\": [], \"outputs\": {}}");
        assertFalse(IncrementalState.load(state).upToDate(object, "fp1"));
    }

    @Test
    void anotherFingerprintIsStale() throws IOException {
        assertFalse(recorded().upToDate(object, "fp2"));
    }

    @Test
    void aMissingOutputIsStale() throws IOException {
        IncrementalState s = recorded();
        Files.delete(object);
        assertFalse(s.upToDate(object, "fp1"));
    }

    @Test
    void aTouchedHeaderIsStale() throws IOException {
        recorded();
        Files.setLastModifiedTime(header, FileTime.from(Instant.now().plusSeconds(5)));
        assertFalse(IncrementalState.load(state).upToDate(object, "fp1"));
    }

    @Test
    void aHeaderOfTheSameTimeButAnotherSizeIsStale() throws IOException {
        recorded();
        FileTime time = Files.getLastModifiedTime(header);
        Files.writeString(header, "int a, b;\n");
        Files.setLastModifiedTime(header, time);
        assertFalse(IncrementalState.load(state).upToDate(object, "fp1"));
    }

    @Test
    void aDeletedInputIsStale() throws IOException {
        recorded();
        Files.delete(header);
        assertFalse(IncrementalState.load(state).upToDate(object, "fp1"));
    }

    @Test
    void anInputChangedWhileTheCommandRanIsStaleNextTime() throws IOException {
        IncrementalState s = IncrementalState.load(state);
        Instant started = Instant.now().minusSeconds(10);
        Files.setLastModifiedTime(source, FileTime.from(started.minusSeconds(5)));
        s.record(object, "fp1", List.of(source, header), started); // header's mtime is now, after the start
        s.save();
        assertFalse(IncrementalState.load(state).upToDate(object, "fp1"));

        s.record(object, "fp1", List.of(source), started);
        s.save();
        assertTrue(IncrementalState.load(state).upToDate(object, "fp1"));
    }

    @Test
    void anInputWithAFutureTimeIsNotTakenAsChangedWhileTheCommandRan() throws IOException {
        Files.setLastModifiedTime(header, FileTime.from(Instant.now().plusSeconds(3600)));
        Files.setLastModifiedTime(source, FileTime.from(Instant.now().minusSeconds(60)));
        IncrementalState s = IncrementalState.load(state);
        s.record(object, "fp1", List.of(source, header), Instant.now().minusSeconds(1));
        s.save();
        assertTrue(IncrementalState.load(state).upToDate(object, "fp1"));
    }

    @Test
    void forgottenOutputsAreStale() throws IOException {
        IncrementalState s = recorded();
        s.forget(object);
        s.save();
        assertFalse(s.upToDate(object, "fp1"));
        assertFalse(IncrementalState.load(state).upToDate(object, "fp1"));
    }

    @Test
    void outputsRecordedAtDifferentTimesKeepTheirOwnInputStates() throws IOException {
        Path other = dir.resolve("obj/b.c.o");
        Files.writeString(other, "object");
        IncrementalState s = IncrementalState.load(state);
        s.record(object, "fp1", List.of(header));
        Files.writeString(header, "int a, b, c;\n");
        Files.setLastModifiedTime(header, FileTime.from(Instant.now().plusSeconds(5)));
        s.record(other, "fp1", List.of(header));
        s.save();

        IncrementalState loaded = IncrementalState.load(state);
        assertFalse(loaded.upToDate(object, "fp1"), "recorded with the old header");
        assertTrue(loaded.upToDate(other, "fp1"), "recorded with the new header");
    }

    @Test
    void anUnchangedStateIsNotRewritten() throws IOException {
        recorded();
        FileTime before = Files.getLastModifiedTime(state);
        Files.setLastModifiedTime(state, FileTime.from(before.toInstant().minusSeconds(60)));
        IncrementalState.load(state).save();
        assertTrue(Files.getLastModifiedTime(state).toInstant().isBefore(before.toInstant()));
    }
}
