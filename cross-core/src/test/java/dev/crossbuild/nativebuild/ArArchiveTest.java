package dev.crossbuild.nativebuild;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArArchiveTest {

    /** One member header: name (16), date (12), uid (6), gid (6), mode (8), size (10), "`\n". */
    private static void member(ByteArrayOutputStream out, String name, byte[] data) {
        String header = String.format("%-16s%-12s%-6s%-6s%-8s%-10d`\n", name, "0", "0", "0", "644", data.length);
        out.writeBytes(header.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(data);
        if (data.length % 2 == 1) {
            out.write('\n');
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static List<String> names(byte[] archive) {
        return ArArchive.members(archive).stream().map(m -> m.name() + "=" + new String(m.content(),
                StandardCharsets.ISO_8859_1)).toList();
    }

    @Test
    void gnuArchivesSkipTheSymbolTableAndResolveLongNames() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes(ArArchive.MAGIC));
        member(out, "/", bytes("symbols"));
        member(out, "//", bytes("a_rather_long_object_name.c.o/\nsecond_long_object_name.c.o/\n"));
        member(out, "short.o/", bytes("one"));
        member(out, "/0", bytes("two!"));
        member(out, "/31", bytes("three"));

        assertEquals(List.of("short.o=one", "a_rather_long_object_name.c.o=two!", "second_long_object_name.c.o=three"),
                names(out.toByteArray()));
    }

    @Test
    void bsdArchivesCarryLongNamesAfterTheHeader() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(bytes(ArArchive.MAGIC));
        member(out, "#1/20", bytes("__.SYMDEF SORTED\0\0\0\0"));
        member(out, "#1/24", bytes("a_long_name.c.o\0\0\0\0\0\0\0\0\0data"));

        assertEquals(List.of("a_long_name.c.o=data"), names(out.toByteArray()));
    }

    @Test
    void damagedArchivesAreRefusedWithTheProblem() {
        byte[] truncated = bytes(ArArchive.MAGIC + String.format("%-16s%-12s%-6s%-6s%-8s%-10d`\n", "a.o/", "0", "0", "0",
                "644", 100) + "short");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ArArchive.members(truncated));
        assertEquals("member at offset 8 runs past the end of the file", e.getMessage());

        byte[] badHeader = bytes(ArArchive.MAGIC + "x".repeat(60));
        e = assertThrows(IllegalArgumentException.class, () -> ArArchive.members(badHeader));
        assertEquals("damaged member header at offset 8", e.getMessage());

        e = assertThrows(IllegalArgumentException.class, () -> ArArchive.members(bytes("not an archive")));
        assertEquals("not an ar archive", e.getMessage());
    }
}
