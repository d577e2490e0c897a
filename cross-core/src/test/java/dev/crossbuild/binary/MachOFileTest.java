package dev.crossbuild.binary;

import static dev.crossbuild.binary.MachOBuilder.CPU_TYPE_ARM64;
import static dev.crossbuild.binary.MachOBuilder.CPU_TYPE_POWERPC;
import static dev.crossbuild.binary.MachOBuilder.CPU_TYPE_X86_64;
import static dev.crossbuild.binary.MachOBuilder.LC_ID_DYLIB;
import static dev.crossbuild.binary.MachOBuilder.LC_LOAD_DYLIB;
import static dev.crossbuild.binary.MachOBuilder.LC_LOAD_WEAK_DYLIB;
import static dev.crossbuild.binary.MachOBuilder.MH_DYLIB;
import static dev.crossbuild.binary.MachOBuilder.MH_EXECUTE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The Mach-O reader on files written byte by byte to Apple's layout (no Mach-O toolchain needed). */
class MachOFileTest {

    private static final byte[] UUID = {0x4c, 0x4c, 0x44, 0x30, 0x55, 0x55, 0x31, 0x44, (byte) 0xa1, (byte) 0xf4,
        (byte) 0xd8, 0x45, 0x52, (byte) 0x8e, (byte) 0xfd, (byte) 0x9e};

    static byte[] arm64Dylib() {
        return new MachOBuilder(true, ByteOrder.LITTLE_ENDIAN, CPU_TYPE_ARM64, MH_DYLIB)
                .dylib(LC_ID_DYLIB, "@rpath/libdemo.dylib")
                .dylib(LC_LOAD_DYLIB, "/usr/lib/libSystem.B.dylib")
                .dylib(LC_LOAD_WEAK_DYLIB, "@rpath/libz.1.dylib")
                .rpath("@loader_path/../lib")
                .uuid(UUID)
                .symbol("_Java_dev_demo_Native_add", 0x0f)
                .symbol("_demo_twice", 0x0f)
                .symbol("_hidden_helper", 0x0e)
                .symbol("_malloc", 0x01)
                .build();
    }

    static byte[] x8664Dylib() {
        return new MachOBuilder(true, ByteOrder.LITTLE_ENDIAN, CPU_TYPE_X86_64, MH_DYLIB)
                .dylib(LC_ID_DYLIB, "@rpath/libdemo.dylib")
                .dylib(LC_LOAD_DYLIB, "/usr/lib/libSystem.B.dylib")
                .symbol("_Java_dev_demo_Native_add", 0x0f)
                .build();
    }

    @Test
    void thinArm64DylibHasItsIdDependenciesRpathUuidAndExports() throws Exception {
        MachOFile file = MachOFile.parse("libdemo.dylib", arm64Dylib());
        MachOImage image = file.images().get(0);

        assertFalse(file.universal());
        assertEquals("arm64", image.cpuName());
        assertEquals(Optional.of("aarch64"), image.cpuFamily());
        assertTrue(image.is64Bit());
        assertEquals(Endianness.LITTLE, image.endianness());
        assertEquals("dylib", image.fileTypeName());
        assertEquals(Optional.of("@rpath/libdemo.dylib"), image.idDylib());
        assertEquals(List.of("/usr/lib/libSystem.B.dylib", "@rpath/libz.1.dylib"), image.loadDylibs());
        assertEquals(List.of("@loader_path/../lib"), image.rpaths());
        assertEquals(Optional.of("4c4c443055553144a1f4d845528efd9e"), image.uuid());
        assertEquals(List.of("Java_dev_demo_Native_add", "demo_twice"), file.exportedSymbols());
        assertEquals("Mach-O 64-bit arm64 dylib", file.describe());
        assertEquals(file, Binaries.parse("libdemo.dylib", arm64Dylib()));
    }

    @Test
    void bigEndian32BitPowerPcExecutable() throws Exception {
        byte[] bytes = new MachOBuilder(false, ByteOrder.BIG_ENDIAN, CPU_TYPE_POWERPC, MH_EXECUTE)
                .dylib(LC_LOAD_DYLIB, "/usr/lib/libSystem.B.dylib")
                .symbol("_main", 0x0f)
                .build();
        MachOFile file = (MachOFile) Binaries.parse("demo", bytes);
        MachOImage image = file.images().get(0);

        assertEquals("ppc", image.cpuName());
        assertEquals(Optional.of("ppc"), image.cpuFamily());
        assertFalse(image.is64Bit());
        assertEquals(Endianness.BIG, image.endianness());
        assertEquals("executable", image.fileTypeName());
        assertEquals(Optional.empty(), image.idDylib());
        assertEquals(List.of("main"), image.exportedSymbols());
        assertEquals("Mach-O 32-bit ppc executable", file.describe());
    }

    @Test
    void universalFileListsItsArchitecturesInOrder() throws Exception {
        MachOFile file = (MachOFile) Binaries.parse("libdemo.dylib", MachOBuilder.fat(x8664Dylib(), arm64Dylib()));

        assertTrue(file.universal());
        assertEquals(List.of("x86_64", "arm64"), file.architectures());
        assertEquals(MachOFile.parse("x", arm64Dylib()).images().get(0), file.images().get(1));
        assertEquals(List.of("Java_dev_demo_Native_add"), file.exportedSymbols());
        assertEquals("Mach-O universal dylib with 2 architectures (x86_64, arm64)", file.describe());
        assertEquals("x86_64,aarch64", file.facts().get("cpu_family"));
    }

    @Test
    void verifierAcceptsAUniversalFileWhenOneArchitectureIsTheHosts() throws Exception {
        MachOFile fat = MachOFile.parse("libdemo.dylib", MachOBuilder.fat(x8664Dylib(), arm64Dylib()));
        ExpectedMachine macArm = new ExpectedMachine("aarch64", true, false, "darwin", Optional.empty());
        ExpectedMachine macIntel = new ExpectedMachine("x86_64", true, false, "darwin", Optional.empty());
        ExpectedMachine macPpc = new ExpectedMachine("ppc64", true, true, "darwin", Optional.empty());

        assertTrue(new ArtifactVerifier(macArm).verify(fat).ok());
        assertTrue(new ArtifactVerifier(macIntel).verify(fat).ok());
        assertEquals(List.of("libdemo.dylib is a Mach-O universal dylib with 2 architectures (x86_64, arm64), but the "
                + "host machine is darwin/ppc64 (64-bit big-endian): expected architecture ppc64, found x86_64, arm64"),
                new ArtifactVerifier(macPpc).verify(fat).problems());
        assertEquals(List.of("libdemo.dylib is a Mach-O 64-bit arm64 dylib, but the host machine is darwin/x86_64 "
                + "(64-bit little-endian): expected cpu family x86_64, found aarch64"),
                new ArtifactVerifier(macIntel).verify(MachOFile.parse("libdemo.dylib", arm64Dylib())).problems());
    }

    @Test
    void truncatedHeaderIsAFormatError() {
        byte[] bytes = Arrays.copyOf(arm64Dylib(), 20);
        BinaryFormatException e = assertThrows(BinaryFormatException.class, () -> MachOFile.parse("t.dylib", bytes));
        assertEquals("t.dylib: Mach-O header at offset 0x0 (32 bytes) is past the end of the file (20 bytes)",
                e.getMessage());
    }

    @Test
    void loadCommandsLargerThanTheFileAreAFormatError() {
        byte[] bytes = arm64Dylib();
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).putInt(20, 0x7fffffff);
        BinaryFormatException e = assertThrows(BinaryFormatException.class, () -> MachOFile.parse("t.dylib", bytes));
        assertEquals("t.dylib: load commands (sizeofcmds) at offset 0x20 (2147483647 bytes) is past the end of the "
                + "file (" + bytes.length + " bytes)", e.getMessage());
    }

    @Test
    void zeroCmdsizeIsAFormatErrorNotALoop() {
        byte[] bytes = new MachOBuilder(true, ByteOrder.LITTLE_ENDIAN, CPU_TYPE_ARM64, MH_DYLIB)
                .raw(LC_LOAD_DYLIB, 0, 12, 0).build();
        BinaryFormatException e = assertThrows(BinaryFormatException.class, () -> MachOFile.parse("t.dylib", bytes));
        assertEquals("t.dylib: load command 0 (0xc) has cmdsize 0, outside the load commands", e.getMessage());
    }

    @Test
    void dylibNameOffsetOutsideItsCommandIsAFormatError() {
        byte[] bytes = new MachOBuilder(true, ByteOrder.LITTLE_ENDIAN, CPU_TYPE_ARM64, MH_DYLIB)
                .raw(LC_ID_DYLIB, 24, 4000, 0, 0, 0).build();
        BinaryFormatException e = assertThrows(BinaryFormatException.class, () -> MachOFile.parse("t.dylib", bytes));
        assertEquals("t.dylib: LC_ID_DYLIB name offset 4000 lies outside its load command (24 bytes)",
                e.getMessage());
    }

    @Test
    void unterminatedDylibNameIsAFormatError() {
        byte[] bytes = new MachOBuilder(true, ByteOrder.LITTLE_ENDIAN, CPU_TYPE_ARM64, MH_DYLIB)
                .raw(LC_LOAD_DYLIB, 28, 24, 0, 0, 0, 0x41414141).build();
        BinaryFormatException e = assertThrows(BinaryFormatException.class, () -> MachOFile.parse("t.dylib", bytes));
        assertEquals("t.dylib: dylib name at offset 0x38 is not NUL-terminated", e.getMessage());
    }

    @Test
    void universalSliceOutsideTheFileIsAFormatError() {
        byte[] bytes = MachOBuilder.fat(arm64Dylib());
        ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN).putInt(16, 0x100000);
        BinaryFormatException e = assertThrows(BinaryFormatException.class, () -> Binaries.parse("f.dylib", bytes));
        assertEquals("f.dylib: architecture 0 of the universal file at offset 0x100000 (" + arm64Dylib().length
                + " bytes) is past the end of the file (" + bytes.length + " bytes)", e.getMessage());
    }

    @Test
    void universalEntryWhoseCputypeDisagreesWithItsImageIsAFormatError() {
        byte[] bytes = MachOBuilder.fat(arm64Dylib());
        ByteBuffer.wrap(bytes).order(ByteOrder.BIG_ENDIAN).putInt(8, CPU_TYPE_X86_64);
        BinaryFormatException e = assertThrows(BinaryFormatException.class, () -> Binaries.parse("f.dylib", bytes));
        assertEquals("f.dylib: fat_arch 0 says cputype 0x1000007 but its image is arm64", e.getMessage());
    }

    @Test
    void javaClassFileIsNotTakenForAUniversalBinary() {
        byte[] bytes = {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe, 0, 0, 0, 61, 0, 1};
        BinaryFormatException e = assertThrows(BinaryFormatException.class, () -> Binaries.parse("A.class", bytes));
        assertEquals("A.class: not an ELF, PE or Mach-O file: a Java class file", e.getMessage());
    }
}
