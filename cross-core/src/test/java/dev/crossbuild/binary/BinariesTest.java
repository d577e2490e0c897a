package dev.crossbuild.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Format dispatch on magic bytes, and what is said about files that are none of the three formats. */
class BinariesTest {

    @TempDir
    Path dir;

    @Test
    void dispatchesOnMagic() throws Exception {
        Path elf = Files.write(dir.resolve("libdemo.so"), ElfFileTest.fullLibrary(true,
                ByteOrder.LITTLE_ENDIAN, 183).build());
        Path pe = Files.write(dir.resolve("demo.dll"), PeFileTest.jniDll());
        Path macho = Files.write(dir.resolve("libdemo.dylib"), MachOFileTest.arm64Dylib());

        assertTrue(Binaries.read(elf) instanceof ElfFile);
        assertTrue(Binaries.read(pe) instanceof PeFile);
        assertTrue(Binaries.read(macho) instanceof MachOFile);
        assertEquals(elf.toString(), Binaries.read(elf).file());
        assertEquals(BinaryFormat.MACH_O, Binaries.read(macho).format());
    }

    @Test
    void unknownFormatShowsTheFirstBytes() {
        byte[] script = "#!/bin/sh\necho hi\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals("run.sh: not an ELF, PE or Mach-O file: first bytes 0x23212f62696e2f73",
                assertThrows(BinaryFormatException.class, () -> Binaries.parse("run.sh", script)).getMessage());
        assertEquals("x: not an ELF, PE or Mach-O file: first bytes 0x0102",
                assertThrows(BinaryFormatException.class, () -> Binaries.parse("x", new byte[] {1, 2})).getMessage());
    }

    @Test
    void emptyFile() {
        assertEquals("x: not an ELF, PE or Mach-O file: the file is empty",
                assertThrows(BinaryFormatException.class, () -> Binaries.parse("x", new byte[0])).getMessage());
    }

    @Test
    void staticArchiveIsNamedAsSuch() {
        byte[] archive = "!<arch>\n/               0           0     0     644     4         `\n"
                .getBytes(StandardCharsets.US_ASCII);
        assertEquals("libdemo.a: not an ELF, PE or Mach-O file: a static library (ar archive)",
                assertThrows(BinaryFormatException.class, () -> Binaries.parse("libdemo.a", archive)).getMessage());
    }

    @Test
    void missingFile() {
        Path missing = dir.resolve("nope.so");
        BinaryFormatException e = assertThrows(BinaryFormatException.class, () -> Binaries.read(missing));
        assertEquals(missing + ": no such file", e.getMessage());
        assertEquals("no such file", e.problem());
    }

    @Test
    void debugLinkCrcIsZlibCrc32OfTheDebugFile() throws Exception {
        Path debug = Files.writeString(dir.resolve("libdemo.so.debug"), "123456789");
        assertEquals(0xcbf43926L, DebugLink.crc32Of("123456789".getBytes(StandardCharsets.US_ASCII)));
        assertTrue(new DebugLink("libdemo.so.debug", 0xcbf43926L).matches(debug));
        assertEquals("libdemo.so.debug (crc 0xcbf43926)", new DebugLink("libdemo.so.debug", 0xcbf43926L).toString());
    }
}
