package dev.crossbuild.nativebuild;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class DepfileTest {

    @Test
    void gccStyleRuleWithContinuations() {
        Depfile depfile = Depfile.parse("/p/obj/a.c.o: /p/src/a.c /p/include/a.h \\\n /usr/include/stdio.h \\\n"
                + "  /usr/lib/gcc-cross/aarch64-linux-gnu/12/include/stddef.h\n");

        assertEquals(List.of("/p/obj/a.c.o"), depfile.targets());
        assertEquals(List.of("/p/src/a.c", "/p/include/a.h", "/usr/include/stdio.h",
                "/usr/lib/gcc-cross/aarch64-linux-gnu/12/include/stddef.h"), depfile.prerequisites());
    }

    @Test
    void escapedSpacesHashesAndDollars() {
        Depfile depfile = Depfile.parse("/my\\ project/a.o: /my\\ project/a\\ b.c /x/\\#odd.h /x/$$dollar.h\n");

        assertEquals(List.of("/my project/a.o"), depfile.targets());
        assertEquals(List.of("/my project/a b.c", "/x/#odd.h", "/x/$dollar.h"), depfile.prerequisites());
    }

    @Test
    void aLoneDollarAndAColonInsideANameArePartOfIt() {
        // Each stops a plain run of characters, and the name goes on after it.
        Depfile depfile = Depfile.parse("a.o: /x/a$b.h /x/c:d.h /x/e\\f.h\n");
        assertEquals(List.of("/x/a$b.h", "/x/c:d.h", "/x/e\\f.h"), depfile.prerequisites());
    }

    @Test
    void backslashesBeforeASpaceAreHalved() {
        // gcc doubles backslashes that precede a space: "a\\\ b" is the name "a\ b"; "a\\ b" is "a\" and "b".
        assertEquals(List.of("a\\ b.h"), Depfile.parse("t: a\\\\\\ b.h").prerequisites());
        assertEquals(List.of("a\\", "b.h"), Depfile.parse("t: a\\\\ b.h").prerequisites());
    }

    @Test
    void windowsPathsAndDriveLettersWithCrlf() {
        Depfile depfile = Depfile.parse("C:/p/obj/a.c.o: C:/p/src/a.c C:\\p\\include\\a.h \\\r\n"
                + " C:/msys64/mingw64/include/stdio.h\r\n");

        assertEquals(List.of("C:/p/obj/a.c.o"), depfile.targets());
        assertEquals(List.of("C:/p/src/a.c", "C:\\p\\include\\a.h", "C:/msys64/mingw64/include/stdio.h"),
                depfile.prerequisites());
    }

    @Test
    void multipleTargetsAndRulesIncludingPhonyHeaderRules() {
        Depfile depfile = Depfile.parse("a.o a.d: a.c a.h\n\na.h:\nb.o: b.c a.h\n");

        assertEquals(List.of("a.o", "a.d", "a.h", "b.o"), depfile.targets());
        assertEquals(List.of("a.c", "a.h", "b.c"), depfile.prerequisites());
    }

    @Test
    void emptyOrTruncatedFilesGiveNoPrerequisites() {
        assertEquals(List.of(), Depfile.parse("").prerequisites());
        assertEquals(List.of("a.o"), Depfile.parse("a.o").targets());
        assertEquals(List.of("a.c"), Depfile.parse("a.o: a.c \\").prerequisites());
    }
}
