package dev.crossbuild.crossfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BinaryTableTest {

    private static BinaryTable table(Object... nameThenArgv) {
        Map<String, List<String>> entries = new LinkedHashMap<>();
        for (int i = 0; i < nameThenArgv.length; i += 2) {
            @SuppressWarnings("unchecked")
            List<String> argv = (List<String>) nameThenArgv[i + 1];
            entries.put((String) nameThenArgv[i], argv);
        }
        return new BinaryTable(entries);
    }

    @Test
    void argvIsTheEntryAsWritten() {
        BinaryTable t = table("c", List.of("ccache", "aarch64-linux-gnu-gcc"));
        assertEquals(Optional.of(List.of("ccache", "aarch64-linux-gnu-gcc")), t.argv("c"));
        assertEquals(Optional.empty(), t.argv("cpp"));
    }

    @Test
    void emptyListOrBlankProgramCountsAsNotSet() {
        BinaryTable t = table("exe_wrapper", List.of(), "strip", List.of(" ", "-x"));
        assertEquals(Optional.empty(), t.exeWrapper());
        assertEquals(Optional.empty(), t.argv("strip"));
        assertEquals(List.of(), t.entries().get("exe_wrapper"));
    }

    @Test
    void exeWrapperIsTheExeWrapperEntry() {
        BinaryTable t = table("exe_wrapper", List.of("qemu-aarch64", "-L", "/usr/aarch64-linux-gnu"));
        assertEquals(Optional.of(List.of("qemu-aarch64", "-L", "/usr/aarch64-linux-gnu")), t.exeWrapper());
    }

    @Test
    void eitherPkgConfigSpellingAnswersForBoth() {
        assertEquals(Optional.of(List.of("pkgconf")), table("pkgconfig", List.of("pkgconf")).argv("pkg-config"));
        assertEquals(Optional.of(List.of("pkgconf")), table("pkg-config", List.of("pkgconf")).argv("pkgconfig"));
    }

    @Test
    void entriesKeepTheFileOrderAndCannotBeChanged() {
        List<String> argv = new ArrayList<>(List.of("gcc"));
        BinaryTable t = table("z", List.of("z"), "c", argv, "a", List.of("a"));
        argv.add("-O2");
        assertEquals(List.of("z", "c", "a"), List.copyOf(t.entries().keySet()));
        assertEquals(List.of("gcc"), t.entries().get("c"));
        assertThrows(UnsupportedOperationException.class, () -> t.entries().put("x", List.of()));
    }
}
