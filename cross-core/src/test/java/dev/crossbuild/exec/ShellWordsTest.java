package dev.crossbuild.exec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
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

    @Test
    void plainWordsStayBareAndTheRestIsSingleQuoted() {
        assertEquals("aarch64-linux-gnu-gcc -c -o obj/a.o 'src/main/c/my file.c'",
                ShellWords.join(List.of("aarch64-linux-gnu-gcc", "-c", "-o", "obj/a.o", "src/main/c/my file.c")));
        assertEquals("-DNAME=a,b:c@d%e+f_g", ShellWords.quote("-DNAME=a,b:c@d%e+f_g"));
        assertEquals("''", ShellWords.quote(""));
        assertEquals("'$HOME'", ShellWords.quote("$HOME"));
        assertEquals("'-DMSG=\"hi\"'", ShellWords.quote("-DMSG=\"hi\""));
        assertEquals("'it'\\''s'", ShellWords.quote("it's"));
        assertEquals("'~' '*.c' 'a;b' 'x`id`' 'tab\there' 'na\u00efve'",
                ShellWords.join(List.of("~", "*.c", "a;b", "x`id`", "tab\there", "na\u00efve")));
    }

    @Test
    void aProgramNameWithAnEqualsSignIsQuotedSoItIsNoAssignment() {
        assertEquals("'./a=b' x=y", ShellWords.join(List.of("./a=b", "x=y")));
    }

    @Test
    void whatJoinWritesSplitsBackAndAShellPassesItThroughUnchanged() throws IOException {
        List<String> words = List.of("a b", "it's", "$HOME", "`id`", "\"q\"", "back\\slash", "*", "", "-DX='1'",
                "tab\tand\nline", "na\u00efve", "#comment", "~user", "a&&b", "{x,y}");
        assertEquals(words, ShellWords.split(ShellWords.join(words)));

        List<String> argv = new ArrayList<>(List.of("/bin/sh", "-c", "printf '<%s>\\n' " + ShellWords.join(words)));
        ProcessResult result = ProcessRunner.system().run(Command.of(argv));
        StringBuilder expected = new StringBuilder();
        words.forEach(w -> expected.append('<').append(w).append(">\n"));
        assertEquals(expected.toString(), result.stdout(), result.stderr());
    }
}
