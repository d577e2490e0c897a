package dev.crossbuild.crossfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.crossbuild.testing.Fixtures;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The orders of {@code empirical/layering/} from EXPECTED.md (spec 4.3, 8.6): merged first, evaluated after. */
class LayeringFixturesTest {

    private static final Path LAYERING = Fixtures.mesonCross("empirical/layering");

    @Test
    void laterFileOverridesSingleKeysAndKeepsTheRest() throws CrossFileException {
        MachineFile file = parse("base.txt", "override.txt");

        assertEquals(Value.of("override"), value(file, "properties", "who"));
        assertEquals(Value.of("yes"), value(file, "properties", "only_in_base"));
        assertEquals(Value.ofStrings(List.of("-DOVERRIDE")), value(file, "built-in options", "c_args"));
        assertEquals(Value.of("cortex-a72"), value(file, "host_machine", "cpu"));
        assertEquals(Value.of("aarch64"), value(file, "host_machine", "cpu_family"));
        assertEquals(Value.of("linux"), value(file, "host_machine", "system"));
    }

    @Test
    void overriddenEntryNamesTheFileAndLineOfTheWinningValueButKeepsItsFirstPosition() throws CrossFileException {
        MachineFile file = parse("base.txt", "override.txt");

        Entry who = file.entry("properties", "who").orElseThrow();
        assertEquals(path("override.txt").toString(), who.file());
        assertEquals(2, who.line());
        Section properties = file.section("properties").orElseThrow();
        assertEquals(List.of("who", "only_in_base"), properties.keys());
        assertEquals(path("base.txt").toString(), properties.file());
        assertEquals(7, properties.line());
        assertEquals(List.of("constants", "binaries", "properties", "built-in options", "host_machine"),
                file.sections().stream().map(Section::name).toList());
    }

    @Test
    void reversedOrderLetsTheBaseWin() throws CrossFileException {
        MachineFile file = parse("override.txt", "base.txt");

        assertEquals(Value.of("base"), value(file, "properties", "who"));
        assertEquals(Value.ofStrings(List.of("-DBASE")), value(file, "built-in options", "c_args"));
        assertEquals(Value.of("aarch64"), value(file, "host_machine", "cpu"));
        assertEquals(List.of("properties", "built-in options", "host_machine", "constants", "binaries"),
                file.sections().stream().map(Section::name).toList());
    }

    @Test
    void constantsOfAnEarlierFileAreUsedByALaterFile() throws CrossFileException {
        MachineFile file = parse("arch-aarch64.txt", "generic.txt");

        assertEquals(Value.of("aarch64-linux-gnu-gcc"), value(file, "binaries", "c"));
        assertEquals(Value.of("aarch64"), value(file, "host_machine", "cpu_family"));
        assertEquals(Value.of("aarch64"), value(file, "host_machine", "cpu"));
    }

    @Test
    void constantsOfALaterFileAreUsedByAnEarlierFileBecauseFilesAreMergedBeforeEvaluation()
            throws CrossFileException {
        for (List<String> order
                : List.of(List.of("arch-arm.txt", "generic.txt"), List.of("generic.txt", "arch-arm.txt"))) {
            MachineFile file = parse(order.toArray(String[]::new));

            assertEquals(Value.of("arm-linux-gnueabihf-gcc"), value(file, "binaries", "c"), order.toString());
            assertEquals(Value.of("arm"), value(file, "host_machine", "cpu_family"), order.toString());
            assertEquals(Value.of("arm"), value(file, "host_machine", "cpu"), order.toString());
        }
    }

    @Test
    void constantRedefinedByALaterFileChangesAValueWrittenInTheEarlierFile() throws CrossFileException {
        MachineFile file = parse("base.txt", "file1.txt", "file2.txt");

        assertEquals(Value.of("HelloWorld"), value(file, "properties", "b"));
        assertEquals(Value.of("HelloWorld"), value(file, "constants", "b"));
    }

    @Test
    void constantUsedByAnEarlierKeyWorksWhenItsFileComesFirst() throws CrossFileException {
        MachineFile file = parse("base.txt", "file2b.txt", "file1b.txt");

        assertEquals(Value.of("HelloWorld"), value(file, "constants", "b"));
    }

    @Test
    void constantFirstDefinedAfterItsUserIsUndefined() {
        CrossFileException e = assertThrows(CrossFileException.class,
                () -> parse("base.txt", "file1b.txt", "file2b.txt"));

        assertEquals(Optional.of(path("file1b.txt").toString()), e.file());
        assertEquals(2, e.line());
        assertEquals(Optional.of("b"), e.key());
        assertEquals("Undefined constant 'a' in machine file variable 'b': 'a' is set in " + path("file2b.txt")
                + ":2, but layered files are merged before evaluation and [constants] is evaluated in order of"
                + " first appearance, where 'a' comes after 'b': give the file that sets 'a' first", e.problem());
    }

    @Test
    void defaultSectionIsRejectedInsteadOfLeakingIntoEverySection() {
        CrossFileException e = assertThrows(CrossFileException.class, () -> parse("base.txt", "default.txt"));

        assertEquals(Optional.of(path("default.txt").toString()), e.file());
        assertEquals(1, e.line());
        assertEquals(Optional.empty(), e.key());
        assertEquals("section [DEFAULT] is not supported: Meson would copy its keys into every other section (and"
                + " then reject them in [built-in options]); put shared values in [constants] and refer to them"
                + " by name", e.problem());
    }

    @Test
    void sameFileTwiceIsMergedNotADuplicate() throws CrossFileException {
        MachineFile file = parse("base.txt", "base.txt");

        assertEquals(Value.of("base"), value(file, "properties", "who"));
    }

    private static MachineFile parse(String... names) throws CrossFileException {
        List<MachineFileSource> sources = new ArrayList<>();
        for (String name : names) {
            sources.add(MachineFileSource.read(path(name)));
        }
        return MachineFile.parse(sources, MachineFileContext.none());
    }

    private static Path path(String name) {
        return LAYERING.resolve(name);
    }

    private static Value value(MachineFile file, String section, String key) {
        return file.entry(section, key).orElseThrow(() -> new AssertionError("no [" + section + "] " + key)).value();
    }
}
