package dev.crossbuild.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The PE reader on images written by {@link PeBuilder}, and its messages for damaged images. */
class PeFileTest {

    static byte[] jniDll() {
        return new PeBuilder(0x8664, true).dll("demo.dll").imports("KERNEL32.dll", "msvcrt.dll")
                .exports("Java_dev_demo_Native_add", "demo_root").section(".debug_info").section(".debug_abbrev")
                .section(".tls").debugLink("demo.dll.debug", 0xcafe0123).build();
    }

    @Test
    void dllWithImportsExportsLongSectionNamesAndDebuglink() throws Exception {
        PeFile dll = (PeFile) Binaries.parse("demo.dll", jniDll());

        assertEquals(new PeMachine(0x8664, "AMD64", Optional.of("x86_64")), dll.machine());
        assertTrue(dll.pe32Plus());
        assertTrue(dll.dll());
        assertEquals("console", dll.subsystemName());
        assertEquals(List.of("KERNEL32.dll", "msvcrt.dll"), dll.imports());
        assertEquals(List.of("Java_dev_demo_Native_add", "demo_root"), dll.exports());
        assertEquals(Optional.of("demo.dll"), dll.exportName());
        assertEquals(List.of(".rdata", ".debug_info", ".debug_abbrev", ".tls", ".gnu_debuglink"), dll.sections());
        assertEquals(List.of(".debug_info", ".debug_abbrev"), dll.debugSections());
        assertFalse(dll.stripped());
        assertEquals(Optional.of(new DebugLink("demo.dll.debug", 0xcafe0123L)), dll.debugLink());
        assertEquals("PE32+ x86_64 DLL (console)", dll.describe());
        assertEquals(List.of("path", "format", "kind", "cpu_family", "bits", "endian", "machine", "pe", "dll",
                "subsystem", "imports", "exports", "debuglink", "stripped"), List.copyOf(dll.facts().keySet()));
        assertEquals(2, dll.facts().get("exports"));
    }

    @Test
    void pe32GuiExecutableWithoutExports() throws Exception {
        PeFile exe = PeFile.parse("demo.exe", new PeBuilder(0x14c, false).subsystem(2).imports("USER32.dll").build());

        assertFalse(exe.pe32Plus());
        assertFalse(exe.is64Bit());
        assertFalse(exe.dll());
        assertEquals(Optional.of("x86"), exe.machine().cpuFamily());
        assertEquals("gui", exe.subsystemName());
        assertEquals(List.of("USER32.dll"), exe.imports());
        assertEquals(List.of(), exe.exports());
        assertTrue(exe.stripped());
        assertEquals("PE32 x86 executable (gui)", exe.describe());
    }

    @Test
    void machinesMapToMesonFamilies() {
        assertEquals(Optional.of("aarch64"), PeMachine.of(0xaa64).cpuFamily());
        assertEquals(Optional.of("arm"), PeMachine.of(0x1c4).cpuFamily());
        assertEquals(Optional.of("riscv64"), PeMachine.of(0x5064).cpuFamily());
        assertEquals(new PeMachine(0x1234, "0x1234", Optional.empty()), PeMachine.of(0x1234));
    }

    @Test
    void headerOffsetPastTheEnd() {
        assertMessage(b -> b.putInt(0x3c, 0x7fff0000),
                "x.dll: PE signature at offset 0x7fff0000 (4 bytes) is past the end of the file (%d bytes)");
    }

    @Test
    void dosExecutableWithoutPeSignature() {
        assertMessage(b -> b.putInt(0x40, 0),
                "x.dll: no PE signature at e_lfanew 0x40 (an MS-DOS executable, or a damaged file)");
    }

    @Test
    void unknownOptionalHeaderMagic() {
        assertMessage(b -> b.putShort(PeBuilder.OPTIONAL, (short) 0x107),
                "x.dll: optional header magic is 0x107, expected 0x10b (PE32) or 0x20b (PE32+)");
    }

    @Test
    void optionalHeaderTooSmallForItsDataDirectories() {
        assertMessage(b -> b.putShort(PeBuilder.COFF + 16, (short) 16), "x.dll: SizeOfOptionalHeader is 16, too "
                + "small for a PE32+ optional header (112 bytes before the data directories)");
    }

    @Test
    void importDirectoryOutsideEverySection() {
        assertMessage(b -> b.putInt(PeBuilder.OPTIONAL + 112 + 8, 0x90000),
                "x.dll: import directory RVA 0x90000 is not inside any section");
    }

    @Test
    void longSectionNamePastTheStringTable() {
        int secondSection = new PeBuilder(0x8664, true).sectionTable() + 40;
        assertMessage(b -> b.put(secondSection, "/999\0\0\0\0".getBytes(StandardCharsets.US_ASCII)),
                "x.dll: section name '/999' points past the end of the COFF string table (45 bytes)");
    }

    @Test
    void absurdExportNameCount() {
        int exportDirectory = PeBuilder.RDATA_OFFSET + 3 * 20;
        assertMessage(b -> b.putInt(exportDirectory + 24, -1), "x.dll: export directory claims 4294967295 names");
    }

    @Test
    void sectionTableLargerThanTheFile() {
        assertMessage(b -> b.putShort(PeBuilder.COFF + 2, (short) 0xffff), "x.dll: section table at offset 0x148 "
                + "claims 65535 entries of 40 bytes, more than the file (%d bytes) holds");
    }

    private static void assertMessage(Consumer<ByteBuffer> damage, String expected) {
        byte[] bytes = jniDll();
        damage.accept(ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN));
        BinaryFormatException e = assertThrows(BinaryFormatException.class, () -> Binaries.parse("x.dll", bytes));
        assertEquals(String.format(expected, bytes.length), e.getMessage());
    }
}
