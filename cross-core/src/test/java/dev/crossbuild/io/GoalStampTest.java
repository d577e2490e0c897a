package dev.crossbuild.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A goal's stamp against real files: it holds while nothing watched changed, and names the first change otherwise
 * (an edit, a file added or removed in a tree, a name added to a listing, a watched single path appearing), ignores
 * what is excluded, and is not trusted for a path modified just before the goal started.
 */
class GoalStampTest {

    private static final String KEY = "0123abcd";

    @TempDir
    Path dir;

    private Path tree;
    private Path listing;
    private Path single;
    private Path stamp;
    private GoalStamp.Watch watch;

    @BeforeEach
    void files() throws IOException {
        tree = Files.createDirectories(dir.resolve("obj/sub"));
        tree = dir.resolve("obj");
        Files.writeString(tree.resolve("a.o"), "aaa");
        Files.writeString(tree.resolve("sub/b.o"), "bbb");
        Files.writeString(tree.resolve(".lock"), "pid 1");
        listing = Files.createDirectories(dir.resolve("src/nested"));
        listing = dir.resolve("src");
        Files.writeString(listing.resolve("main.c"), "int main;");
        single = dir.resolve("gcc");
        Files.writeString(single, "#!/bin/sh");
        stamp = dir.resolve("stamps/compile.stamp");
        Files.createDirectories(stamp.getParent());
        watch = new GoalStamp.Watch(List.of(tree), List.of(listing), List.of(single, dir.resolve("absent")),
                Set.of(tree.resolve(".lock")));
        ageEverything();
    }

    @Test
    void holdsWhileNothingChangedAndGivesBackTheEffects() throws IOException {
        GoalStamp.record(stamp, KEY, Instant.now(), watch, List.of("property cross.classifier=linux-aarch_64",
                "property odd=two\nlines \\ here"));

        GoalStamp.Check check = GoalStamp.check(stamp, KEY);

        assertTrue(check.unchanged(), check.reason());
        assertEquals(List.of("property cross.classifier=linux-aarch_64", "property odd=two\nlines \\ here"),
                check.effects().orElseThrow());
    }

    @Test
    void anotherKeyDoesNotHold() throws IOException {
        GoalStamp.record(stamp, KEY, Instant.now(), watch, List.of());

        GoalStamp.Check check = GoalStamp.check(stamp, "ffff");

        assertFalse(check.unchanged());
        assertTrue(check.reason().contains("a parameter, the environment"), check.reason());
    }

    @Test
    void anEditedFileInATreeIsNamed() throws IOException {
        GoalStamp.record(stamp, KEY, Instant.now(), watch, List.of());
        Path edited = tree.resolve("sub/b.o");
        Files.setLastModifiedTime(edited, FileTime.from(Instant.now().minus(Duration.ofHours(1))));

        assertChanged(edited + " changed");
    }

    @Test
    void aFileAddedToOrRemovedFromATreeIsNamed() throws IOException {
        GoalStamp.record(stamp, KEY, Instant.now(), watch, List.of());
        Path added = tree.resolve("sub/c.o");
        Files.writeString(added, "c");
        assertChanged(added + " is new");

        Files.delete(added);
        Files.delete(tree.resolve("a.o"));
        ageEverything();
        GoalStamp.record(stamp, KEY, Instant.now(), watch, List.of());
        Files.writeString(tree.resolve("a.o"), "aaa");
        assertChanged(tree.resolve("a.o") + " is new");
    }

    @Test
    void anExcludedEntryComesAndGoesUnseenWithItsFolderTime() throws IOException {
        GoalStamp.record(stamp, KEY, Instant.now(), watch, List.of());
        Files.delete(tree.resolve(".lock")); // moves obj/'s own time
        Files.writeString(tree.resolve(".lock"), "pid 2 on another host");

        assertTrue(GoalStamp.check(stamp, KEY).unchanged(), GoalStamp.check(stamp, KEY).reason());
    }

    @Test
    void aListingSeesNamesNotContents() throws IOException {
        GoalStamp.record(stamp, KEY, Instant.now(), watch, List.of());
        Files.writeString(listing.resolve("main.c"), "int main(void) { return 0; }");
        assertTrue(GoalStamp.check(stamp, KEY).unchanged(), GoalStamp.check(stamp, KEY).reason());

        Files.writeString(listing.resolve("nested/extra.cpp"), "");
        assertChanged(listing.resolve("nested") + " changed (an entry added, removed or renamed)");
    }

    @Test
    void aSinglePathAppearingOrChangingIsNamed() throws IOException {
        GoalStamp.record(stamp, KEY, Instant.now(), watch, List.of());
        Files.writeString(dir.resolve("absent"), "[binaries]");
        assertChanged(dir.resolve("absent") + " is new");

        Files.delete(dir.resolve("absent"));
        Files.writeString(single, "#!/bin/sh\nexec gcc-13");
        assertChanged(single + " changed");
    }

    @Test
    void aPathModifiedJustBeforeTheGoalStartedIsNotTrusted() throws IOException {
        Instant started = Instant.now();
        Files.setLastModifiedTime(tree.resolve("a.o"), FileTime.from(started.minusMillis(500)));
        GoalStamp.record(stamp, KEY, started, watch, List.of());

        assertChanged(tree.resolve("a.o") + " was modified just before or while the last run worked");
    }

    @Test
    void aLinkLoopInATreeIsWalkedOnce() throws IOException {
        Files.createSymbolicLink(tree.resolve("sub/loop"), tree);
        ageEverything();
        GoalStamp.record(stamp, KEY, Instant.now(), watch, List.of());

        assertTrue(GoalStamp.check(stamp, KEY).unchanged(), GoalStamp.check(stamp, KEY).reason());
        assertTrue(Files.readString(stamp).contains("entry l 0 0 " + tree.resolve("sub/loop")));
    }

    @Test
    void noStampOrADamagedOneDoesNotHold() throws IOException {
        assertTrue(GoalStamp.check(stamp, KEY).reason().startsWith("no stamp of an earlier run"));

        Files.writeString(stamp, "cross goal stamp 2\nkey " + KEY + "\nstarted 12\nbogus line\n");
        assertTrue(GoalStamp.check(stamp, KEY).reason().contains("damaged (line 4)"));

        GoalStamp.record(stamp, KEY, Instant.now(), watch, List.of());
        GoalStamp.forget(stamp);
        assertFalse(Files.exists(stamp));
    }

    @Test
    void watchesOfSeveralTargetsMergeEachPathOnce() {
        GoalStamp.Watch other = new GoalStamp.Watch(List.of(tree, dir.resolve("lib")), List.of(), List.of(single),
                Set.of(dir.resolve("lib/.lock")));

        GoalStamp.Watch merged = GoalStamp.Watch.of(List.of(watch, other));

        assertEquals(List.of(tree, dir.resolve("lib")), merged.trees());
        assertEquals(List.of(single, dir.resolve("absent")), merged.paths());
        assertEquals(Set.of(tree.resolve(".lock"), dir.resolve("lib/.lock")), merged.excluded());
    }

    private void assertChanged(String reason) {
        GoalStamp.Check check = GoalStamp.check(stamp, KEY);
        assertFalse(check.unchanged(), "the stamp still holds");
        assertEquals(reason, check.reason());
    }

    /** Every file and folder an hour old: older than the racy window before a goal that starts now. */
    private void ageEverything() throws IOException {
        FileTime old = FileTime.from(Instant.now().minus(Duration.ofHours(2)));
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.toList()) {
                Files.setLastModifiedTime(path, old);
            }
        }
    }
}
