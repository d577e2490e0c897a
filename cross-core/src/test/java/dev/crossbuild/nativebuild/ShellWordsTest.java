package dev.crossbuild.nativebuild;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellWordsTest {

    @Test
    void splitsOnWhitespaceAndKeepsEscapedAndQuotedSpaces() {
        assertEquals(List.of("-I/opt/my dir/include", "-DX=a b", "-DY=it's", "-pthread", "-DZ=\"q\"", "-DW=$x"),
                ShellWords.split("-I/opt/my\\ dir/include  -DX=\"a b\"\t-DY='it'\\''s' -pthread "
                        + "-DZ=\\\"q\\\" -DW='$x'\n"));
    }

    @Test
    void emptyOutputIsNoArguments() {
        assertEquals(List.of(), ShellWords.split(" \n"));
        assertEquals(List.of(""), ShellWords.split("''"));
    }

    @Test
    void aBackslashInsideDoubleQuotesOnlyEscapesSpecials() {
        assertEquals(List.of("C:\\dir", "a\"b"), ShellWords.split("\"C:\\dir\" \"a\\\"b\""));
    }
}
