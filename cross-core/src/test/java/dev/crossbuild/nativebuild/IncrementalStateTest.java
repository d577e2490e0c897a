package dev.crossbuild.nativebuild;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each rebuild reason, decided on real files: what the verbose log says after each progress line. */
class IncrementalStateTest {

    private static final Fingerprint FP1 = new Fingerprint("command-1", "gcc-12");
    private static final Optional<RebuildReason> UP_TO_DATE = Optional.empty();

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
        s.record(object, FP1, List.of(source, header));
        s.save();
        return IncrementalState.load(state);
    }

    /** The reason of {@code object} with {@code FP1} in a freshly loaded state, as the log writes it. */
    private String reason() {
        return IncrementalState.load(state).rebuildReason(object, FP1).map(r -> r.describe(dir)).orElse("up to date");
    }

    @Test
    void upToDateAfterRecordAndReload() throws IOException {
        assertEquals(UP_TO_DATE, recorded().rebuildReason(object, FP1));
    }

    @Test
    void withoutAStateNothingWasBuiltBefore() {
        assertEquals(Optional.of(new RebuildReason.NotBuiltBefore()), IncrementalState.load(state).rebuildReason(object, FP1));
        assertEquals("not built before", reason());
    }

    @Test
    void aDamagedStateRebuildsEverythingAndSaysSo() throws IOException {
        Files.writeString(state, "{\"version\": 2, \"files\": [[\"x\"]], ");
        assertEquals(Optional.of(new RebuildReason.StateDamaged()), IncrementalState.load(state).rebuildReason(object, FP1));
        Files.writeString(state, "{\"version\": 2, \"files\": [[\"x\", \"y\"]], \"outputs\": {}}");
        assertEquals("state file unreadable", reason());
    }

    @Test
    void aStateOfAnUnknownVersionRebuildsEverythingAndSaysSo() throws IOException {
        Files.writeString(state, "{\"version\": 99, \"files\": [], \"outputs\": {}}");
        assertEquals(Optional.of(new RebuildReason.OtherVersion()), IncrementalState.load(state).rebuildReason(object, FP1));
        assertEquals("state from another version of cross", reason());
    }

    @Test
    void aVersion1StateLoadsAndItsOutputsRebuildOnce() throws IOException {
        // As cross wrote it before the command and the compiler were fingerprinted apart.
        FileTime time = Files.getLastModifiedTime(source);
        Files.writeString(state, "{\"version\": 1, \"files\": [[" + json(source) + ", " + Files.size(source) + ", "
                + time.to(java.util.concurrent.TimeUnit.NANOSECONDS) + "]], \"outputs\": {" + json(object)
                + ": {\"fingerprint\": \"0123abcd\", \"inputs\": [0]}}}\n");
        IncrementalState old = IncrementalState.load(state);
        assertEquals(Optional.of(new RebuildReason.OtherVersion()), old.rebuildReason(object, FP1));
        assertEquals(Optional.of(new RebuildReason.NotBuiltBefore()), old.rebuildReason(dir.resolve("obj/new.o"), FP1));

        old.record(object, FP1, List.of(source));
        old.save();
        assertEquals("up to date", reason());
        assertEquals(true, Files.readString(state).contains("\"version\": 2"), "saved as the current version");
    }

    @Test
    void anotherCommandIsCommandChanged() throws IOException {
        assertEquals(Optional.of(new RebuildReason.CommandChanged()),
                recorded().rebuildReason(object, new Fingerprint("command-2", FP1.compiler())));
    }

    @Test
    void anotherCompilerIsCompilerChangedEvenWhenTheCommandChangedToo() throws IOException {
        IncrementalState s = recorded();
        assertEquals(Optional.of(new RebuildReason.CompilerChanged()),
                s.rebuildReason(object, new Fingerprint(FP1.command(), "gcc-13")));
        assertEquals("compiler changed", s.rebuildReason(object, new Fingerprint("command-2", "gcc-13"))
                .orElseThrow().describe(dir));
    }

    @Test
    void aMissingOutputIsOutputMissing() throws IOException {
        IncrementalState s = recorded();
        Files.delete(object);
        assertEquals(Optional.of(new RebuildReason.OutputMissing(object)), s.rebuildReason(object, FP1));
        assertEquals("output obj/a.c.o missing", reason());
    }

    @Test
    void aTouchedHeaderChangedItsMtime() throws IOException {
        recorded();
        FileTime before = Files.getLastModifiedTime(header);
        Instant after = Instant.parse("2030-01-02T03:04:05.5Z");
        Files.setLastModifiedTime(header, FileTime.from(after));
        assertEquals(Optional.of(new RebuildReason.InputChanged(header.toAbsolutePath(), 7, 7, before.toInstant(), after)),
                IncrementalState.load(state).rebuildReason(object, FP1));
        assertEquals("input a.h changed (mtime " + before.toInstant() + " -> 2030-01-02T03:04:05.500Z)", reason());
    }

    @Test
    void aHeaderOfTheSameTimeButAnotherSizeChangedItsSize() throws IOException {
        recorded();
        FileTime time = Files.getLastModifiedTime(header);
        Files.writeString(header, "int a, b;\n");
        Files.setLastModifiedTime(header, time);
        assertEquals("input a.h changed (size 7 -> 10)", reason());
    }

    @Test
    void aDeletedInputIsInputMissing() throws IOException {
        recorded();
        Files.delete(header);
        assertEquals(Optional.of(new RebuildReason.InputMissing(header.toAbsolutePath())),
                IncrementalState.load(state).rebuildReason(object, FP1));
        assertEquals("input a.h missing", reason());
    }

    @Test
    void anInputOutsideTheBaseIsShownWhole() throws IOException {
        recorded();
        Files.delete(header);
        assertEquals("input " + header.toAbsolutePath() + " missing",
                IncrementalState.load(state).rebuildReason(object, FP1).orElseThrow().describe(dir.resolve("obj")));
    }

    @Test
    void anInputChangedWhileTheCommandRanIsRebuiltNextTime() throws IOException {
        IncrementalState s = IncrementalState.load(state);
        Instant started = Instant.now().minusSeconds(10);
        Files.setLastModifiedTime(source, FileTime.from(started.minusSeconds(5)));
        s.record(object, FP1, List.of(source, header), started); // header's mtime is now, after the start
        s.save();
        assertEquals(Optional.of(new RebuildReason.InputChangedDuringBuild(header.toAbsolutePath())),
                IncrementalState.load(state).rebuildReason(object, FP1));
        assertEquals("input a.h changed while it was last built", reason());

        s.record(object, FP1, List.of(source), started);
        s.save();
        assertEquals("up to date", reason());
    }

    @Test
    void anInputWithAFutureTimeIsNotTakenAsChangedWhileTheCommandRan() throws IOException {
        Files.setLastModifiedTime(header, FileTime.from(Instant.now().plusSeconds(3600)));
        Files.setLastModifiedTime(source, FileTime.from(Instant.now().minusSeconds(60)));
        IncrementalState s = IncrementalState.load(state);
        s.record(object, FP1, List.of(source, header), Instant.now().minusSeconds(1));
        s.save();
        assertEquals("up to date", reason());
    }

    @Test
    void forgottenOutputsWereNotBuiltBefore() throws IOException {
        IncrementalState s = recorded();
        s.forget(object);
        s.save();
        assertEquals(Optional.of(new RebuildReason.NotBuiltBefore()), s.rebuildReason(object, FP1));
        assertEquals("not built before", reason());
    }

    @Test
    void outputsRecordedAtDifferentTimesKeepTheirOwnInputStates() throws IOException {
        Path other = dir.resolve("obj/b.c.o");
        Files.writeString(other, "object");
        IncrementalState s = IncrementalState.load(state);
        s.record(object, FP1, List.of(header));
        Files.writeString(header, "int a, b, c;\n");
        Files.setLastModifiedTime(header, FileTime.from(Instant.now().plusSeconds(5)));
        s.record(other, FP1, List.of(header));
        s.save();

        IncrementalState loaded = IncrementalState.load(state);
        assertEquals("input a.h changed (size 7 -> 13)", loaded.rebuildReason(object, FP1).orElseThrow().describe(dir),
                "recorded with the old header");
        assertEquals(UP_TO_DATE, loaded.rebuildReason(other, FP1), "recorded with the new header");
    }

    @Test
    void anUnchangedStateIsNotRewritten() throws IOException {
        recorded();
        FileTime before = Files.getLastModifiedTime(state);
        Files.setLastModifiedTime(state, FileTime.from(before.toInstant().minusSeconds(60)));
        IncrementalState.load(state).save();
        assertEquals(true, Files.getLastModifiedTime(state).toInstant().isBefore(before.toInstant()));
    }

    @Test
    void anOutputTruncatedByHandIsOutputChanged() throws IOException {
        recorded();
        FileTime time = Files.getLastModifiedTime(object);
        Files.writeString(object, "");
        Files.setLastModifiedTime(object, time);
        assertEquals(Optional.of(new RebuildReason.OutputChanged(object, 6, 0, time.toInstant(), time.toInstant())),
                IncrementalState.load(state).rebuildReason(object, FP1));
        assertEquals("output obj/a.c.o changed (size 6 -> 0)", reason());
    }

    @Test
    void anOutputReplacedByHandWithOneOfTheSameSizeIsOutputChanged() throws IOException {
        recorded();
        FileTime before = Files.getLastModifiedTime(object);
        Files.writeString(object, "OBJECT");
        Files.setLastModifiedTime(object, FileTime.from(Instant.parse("2030-01-02T03:04:05Z")));
        assertEquals("output obj/a.c.o changed (mtime " + before.toInstant() + " -> 2030-01-02T03:04:05Z)", reason());
    }

    @Test
    void aRecordWithoutTheOutputsOwnStampIsFromAnEarlierVersionAndRebuildsOnce() throws IOException {
        // As cross wrote compile states before it stamped the objects themselves.
        FileTime time = Files.getLastModifiedTime(source);
        Files.writeString(state, "{\"version\": 2, \"files\": [[" + json(source) + ", " + Files.size(source) + ", "
                + time.to(java.util.concurrent.TimeUnit.NANOSECONDS) + "]], \"outputs\": {" + json(object)
                + ": {\"command\": \"command-1\", \"compiler\": \"gcc-12\", \"inputs\": [0]}}}\n");
        assertEquals(Optional.of(new RebuildReason.OtherVersion()), IncrementalState.load(state).rebuildReason(object, FP1));
    }

    private static String json(Path path) {
        return "\"" + path.toAbsolutePath().normalize().toString().replace("\\", "\\\\") + "\"";
    }
}
