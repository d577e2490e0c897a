package dev.crossbuild.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class NativeIndexTest {

    private static final String HASH_A = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    private static final String HASH_B = "60303ae22b998861bce3b28f33eec1be758a213c86c93c076dbe9f558c11c752";
    private static final String HASH_C = "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae";
    private static final String HASH_D = "fcde2b2edba56bf408601fb721fe9b5c338d10ee429ea04fae5511b68fbf8fb9";

    private static NativeIndex parse(String text) throws IOException {
        return NativeIndex.parse(new StringReader(text));
    }

    private static IOException malformed(String text) {
        return assertThrows(IOException.class, () -> parse(text));
    }

    @Test
    void readsEntriesInOrder() throws IOException {
        NativeIndex index = parse("library\tdep\tlibdep.so\t" + HASH_A + "\t\n"
                + "library\tdemo\tlibdemo.so\t" + HASH_B + "\tdep\n"
                + "file\ttool\ttool\t" + HASH_C + "\t\n");
        assertEquals(3, index.entries().size());
        NativeIndex.Entry demo = index.library("demo");
        assertEquals(NativeIndex.Kind.LIBRARY, demo.kind());
        assertEquals("libdemo.so", demo.file());
        assertEquals(HASH_B, demo.sha256());
        assertEquals(Collections.singletonList("dep"), demo.needs());
        assertEquals(Collections.emptyList(), index.library("dep").needs());
        assertEquals(NativeIndex.Kind.FILE, index.entries().get(2).kind());
        assertNull(index.library("tool"), "a file is no library");
        assertEquals(Arrays.asList("dep", "demo"), index.libraryNames());
    }

    @Test
    void skipsCommentsAndEmptyLinesAndAcceptsCrLf() throws IOException {
        NativeIndex index = parse("# cross-runtime index\r\n\r\n"
                + "library\tdemo\tdemo.dll\t" + HASH_B + "\t\r\n# end\n");
        assertEquals(1, index.entries().size());
        assertEquals("demo.dll", index.library("demo").file());
        assertEquals(0, parse("").entries().size());
    }

    @Test
    void loadOrderIsIndexOrderOfEverythingNeeded() throws IOException {
        NativeIndex index = parse("library\tz\tlibz.so\t" + HASH_A + "\t\n"
                + "library\tunrelated\tlibunrelated.so\t" + HASH_B + "\t\n"
                + "library\tdep\tlibdep.so\t" + HASH_C + "\tz\n"
                + "library\tdemo\tlibdemo.so\t" + HASH_D + "\tdep,z\n");
        assertEquals(Arrays.asList("z", "dep", "demo"), names(index.loadOrder("demo")));
        assertEquals(Arrays.asList("z", "dep"), names(index.loadOrder("dep")));
        assertEquals(Collections.emptyList(), names(index.loadOrder("missing")));
    }

    private static List<String> names(List<NativeIndex.Entry> entries) {
        List<String> names = new ArrayList<String>();
        for (NativeIndex.Entry entry : entries) {
            names.add(entry.name());
        }
        return names;
    }

    @Test
    void wrongFieldCountNamesTheLine() {
        IOException e = malformed("# comment\nlibrary\tdep\tlibdep.so\t" + HASH_A + "\t\n"
                + "library\tdemo\tlibdemo.so\t" + HASH_B + "\n");
        assertEquals("line 3: expected 5 TAB-separated fields (kind name file sha256 needs), found 4: 'library\tdemo"
                + "\tlibdemo.so\t" + HASH_B + "'", e.getMessage());
        assertEquals("line 1: expected 5 TAB-separated fields (kind name file sha256 needs), found 1: 'library demo'",
                malformed("library demo\n").getMessage());
    }

    @Test
    void badHash() {
        assertEquals("line 1: the sha256 (field 4) must be 64 lower-case hex digits, found '"
                        + HASH_A.toUpperCase(java.util.Locale.ROOT) + "'",
                malformed("library\tdemo\tlibdemo.so\t" + HASH_A.toUpperCase(java.util.Locale.ROOT) + "\t\n")
                        .getMessage());
        assertEquals("line 1: the sha256 (field 4) must be 64 lower-case hex digits, found 'abc'",
                malformed("library\tdemo\tlibdemo.so\tabc\t\n").getMessage());
    }

    @Test
    void badKindNameAndFile() {
        assertEquals("line 1: the kind (field 1) must be 'library' or 'file', found 'lib'",
                malformed("lib\tdemo\tlibdemo.so\t" + HASH_A + "\t\n").getMessage());
        assertEquals("line 1: the name (field 2) is empty",
                malformed("library\t\tlibdemo.so\t" + HASH_A + "\t\n").getMessage());
        for (String file : Arrays.asList("../libdemo.so", "lib/libdemo.so", "..", "c:demo.dll", "a\\b.dll", "")) {
            assertEquals("line 1: the file (field 3) must be a plain file name, found '" + file + "'",
                    malformed("library\tdemo\t" + file + "\t" + HASH_A + "\t\n").getMessage());
        }
    }

    @Test
    void needsNameLibrariesAbove() {
        assertEquals("line 1: library 'demo' needs 'dep', which is not a library line above it (libraries are"
                        + " listed in load order)",
                malformed("library\tdemo\tlibdemo.so\t" + HASH_B + "\tdep\n"
                        + "library\tdep\tlibdep.so\t" + HASH_A + "\t\n").getMessage());
        assertEquals("line 2: library 'demo' needs '', which is not a library line above it (libraries are"
                        + " listed in load order)",
                malformed("library\tdep\tlibdep.so\t" + HASH_A + "\t\n"
                        + "library\tdemo\tlibdemo.so\t" + HASH_B + "\tdep,\n").getMessage());
    }

    @Test
    void duplicates() {
        assertEquals("line 2: library 'demo' is listed twice",
                malformed("library\tdemo\tlibdemo.so\t" + HASH_A + "\t\n"
                        + "library\tdemo\tlibdemo2.so\t" + HASH_B + "\t\n").getMessage());
        assertEquals("line 2: file 'libdemo.so' is listed twice",
                malformed("library\tdemo\tlibdemo.so\t" + HASH_A + "\t\n"
                        + "file\tother\tlibdemo.so\t" + HASH_B + "\t\n").getMessage());
    }

    @Test
    void aLibraryAndAFileMayShareATargetName() throws IOException {
        NativeIndex index = parse("library\tdemo\tlibdemo.so\t" + HASH_A + "\t\n"
                + "file\tdemo\tlibdemo.a\t" + HASH_B + "\t\n");
        assertEquals("libdemo.so", index.library("demo").file());
    }
}
