package dev.crossbuild.binary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The ELF reader on files written by {@link ElfBuilder}: every field, both classes and byte orders, no toolchain. */
class ElfFileTest {

    static final int EM_ARM = 40;
    static final int EM_AARCH64 = 183;
    static final int EM_PPC = 20;
    static final int EM_RISCV = 243;
    static final int ET_EXEC = 2;
    static final int ET_DYN = 3;

    static Map<String, List<String>> glibcNeeds() {
        Map<String, List<String>> needs = new LinkedHashMap<>();
        needs.put("libm.so.6", List.of("GLIBC_2.29"));
        needs.put("libc.so.6", List.of("GLIBC_2.4", "GLIBC_2.34", "GLIBC_PRIVATE", "GLIBC_2.2.5"));
        return needs;
    }

    static ElfBuilder fullLibrary(boolean is64, ByteOrder order, int machine) {
        return new ElfBuilder(is64, order, machine, ET_DYN)
                .buildId(new byte[] {(byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef, 1, 2, 3, 4})
                .dynamic(List.of("libm.so.6", "libc.so.6"), "libdemo.so.1", "$ORIGIN", glibcNeeds(), 0)
                .debugLink("libdemo.so.debug", 0x1234abcd)
                .symbolTable()
                .debugInfo();
    }

    @ParameterizedTest
    @CsvSource({"true, LITTLE", "true, BIG", "false, LITTLE", "false, BIG"})
    void readsEveryFieldInBothClassesAndByteOrders(boolean is64, String order) throws Exception {
        ByteOrder byteOrder = order.equals("BIG") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        ElfFile elf = ElfFile.parse("libdemo.so", fullLibrary(is64, byteOrder, EM_AARCH64).build());

        assertEquals(is64, elf.is64Bit());
        assertEquals(order.equals("BIG") ? Endianness.BIG : Endianness.LITTLE, elf.endianness());
        assertEquals(new ElfMachine(183, "EM_AARCH64", Optional.of("aarch64")), elf.header().machine());
        assertEquals(ElfType.DYN, elf.type());
        assertEquals("shared object", elf.kind());
        assertEquals(List.of("libm.so.6", "libc.so.6"), elf.needed());
        assertEquals(Optional.of("libdemo.so.1"), elf.soname());
        assertEquals(Optional.of("$ORIGIN"), elf.dynamic().runpath());
        assertEquals(Optional.empty(), elf.dynamic().rpath());
        assertEquals(glibcNeeds(), elf.dynamic().versionsNeeded());
        assertEquals(Optional.of("2.34"), elf.dynamic().maxGlibc());
        assertEquals(Optional.of("deadbeef01020304"), elf.buildId());
        assertEquals(Optional.of(new DebugLink("libdemo.so.debug", 0x1234abcd)), elf.debugLink());
        assertTrue(elf.hasSymbolTable());
        assertEquals(List.of(".debug_info"), elf.debugSections());
        assertFalse(elf.stripped());
        assertEquals(Optional.empty(), elf.interpreter());
    }

    @Test
    void withoutSectionHeadersTheLoadersViewIsRead() throws Exception {
        byte[] bytes = new ElfBuilder(true, ByteOrder.LITTLE_ENDIAN, EM_AARCH64, ET_DYN)
                .interpreter("/lib/ld-linux-aarch64.so.1")
                .dynamic(List.of("libdemo.so.1", "libc.so.6"), null, "$ORIGIN/../lib", glibcNeeds(), 0x08000000L)
                .build(false);
        ElfFile elf = ElfFile.parse("demo", bytes);

        assertEquals(List.of(), elf.sections());
        assertEquals(Optional.of("/lib/ld-linux-aarch64.so.1"), elf.interpreter());
        assertEquals(List.of("libdemo.so.1", "libc.so.6"), elf.needed());
        assertEquals(Optional.of("$ORIGIN/../lib"), elf.dynamic().runpath());
        assertEquals(glibcNeeds(), elf.dynamic().versionsNeeded());
        assertTrue(elf.dynamic().pie());
        assertEquals("pie executable", elf.kind());
        assertTrue(elf.stripped());
    }

    @Test
    void objectWithoutDynamicSectionHasNoDynamicFacts() throws Exception {
        ElfFile elf = ElfFile.parse("demo.o", new ElfBuilder(true, ByteOrder.LITTLE_ENDIAN, EM_AARCH64, 1)
                .symbolTable().build());

        assertEquals("relocatable object", elf.kind());
        assertEquals(ElfDynamic.NONE, elf.dynamic());
        assertEquals(Optional.empty(), elf.buildId());
        assertEquals(Optional.empty(), elf.debugLink());
    }

    @ParameterizedTest
    @CsvSource({
        "40, 0x05000400, hard, 5",
        "40, 0x05000200, soft, 5",
        "40, 0x04000000, '', 4",
        "243, 0x0005, double, -1",
        "243, 0x0003, single, -1",
        "243, 0x0001, soft, -1",
        "243, 0x0007, quad, -1",
        "258, 0x0043, double, -1",
        "258, 0x0041, soft, -1",
        "183, 0x0000, '', -1"})
    void floatAbiAndEabiVersionComeFromEflags(int machine, String flags, String floatAbi, int eabi) throws Exception {
        ElfFile elf = ElfFile.parse("x", new ElfBuilder(machine != EM_ARM, ByteOrder.LITTLE_ENDIAN, machine, ET_EXEC)
                .flags(Long.decode(flags)).build());

        assertEquals(floatAbi.isEmpty() ? Optional.empty() : Optional.of(floatAbi), elf.header().floatAbi());
        assertEquals(eabi < 0 ? OptionalInt.empty() : OptionalInt.of(eabi), elf.header().armEabiVersion());
    }

    @Test
    void cpuFamilyDependsOnTheClassWhereOneMachineServesBoth() {
        assertEquals(Optional.of("riscv64"), ElfMachine.of(243, true).cpuFamily());
        assertEquals(Optional.of("riscv32"), ElfMachine.of(243, false).cpuFamily());
        assertEquals(Optional.of("mips64"), ElfMachine.of(8, true).cpuFamily());
        assertEquals(Optional.of("mips"), ElfMachine.of(8, false).cpuFamily());
        assertEquals(Optional.of("s390x"), ElfMachine.of(22, true).cpuFamily());
        assertEquals(Optional.of("s390"), ElfMachine.of(22, false).cpuFamily());
        assertEquals(Optional.of("sparc64"), ElfMachine.of(43, true).cpuFamily());
        assertEquals(Optional.of("loongarch64"), ElfMachine.of(258, true).cpuFamily());
        assertEquals(Optional.of("x86"), ElfMachine.of(3, false).cpuFamily());
        assertEquals(Optional.of("ppc"), ElfMachine.of(20, false).cpuFamily());
        assertEquals(new ElfMachine(4242, "EM_4242", Optional.empty()), ElfMachine.of(4242, true));
        assertEquals("EM_4242", ElfMachine.of(4242, true).displayName());
    }

    @Test
    void highestGlibcVersionIsComparedNumericallyAndIgnoresNonNumericNames() {
        ElfDynamic dynamic = new ElfDynamic(List.of(), Optional.empty(), Optional.empty(), Optional.empty(), 0,
                Map.of("libc.so.6", List.of("GLIBC_2.4", "GLIBC_2.25", "GLIBC_2.2.5", "GLIBC_PRIVATE",
                        "GLIBC_ABI_DT_RELR", "GLIBCXX_3.4.30")), 0, false);
        assertEquals(Optional.of("2.25"), dynamic.maxGlibc());
        assertEquals(Optional.of("2.2.5"), new ElfDynamic(List.of(), Optional.empty(), Optional.empty(),
                Optional.empty(), 0, Map.of("libc.so.6", List.of("GLIBC_2.2", "GLIBC_2.2.5")), 0, false).maxGlibc());
        assertEquals(Optional.empty(), ElfDynamic.NONE.maxGlibc());
    }

    @Test
    void strippedMeansNeitherSymbolTableNorDebugInfo() throws Exception {
        assertTrue(ElfFile.parse("a", new ElfBuilder(true, ByteOrder.LITTLE_ENDIAN, EM_AARCH64, ET_DYN).build())
                .stripped());
        assertFalse(ElfFile.parse("b", new ElfBuilder(true, ByteOrder.LITTLE_ENDIAN, EM_AARCH64, ET_DYN)
                .symbolTable().build()).stripped());
        assertFalse(ElfFile.parse("c", new ElfBuilder(true, ByteOrder.LITTLE_ENDIAN, EM_AARCH64, ET_DYN)
                .debugInfo().build()).stripped());
    }

    @Test
    void factsAreInAStableOrderWithSnakeCaseKeys() throws Exception {
        ElfFile elf = ElfFile.parse("out/libdemo.so", fullLibrary(false, ByteOrder.BIG_ENDIAN, EM_PPC).build());
        Map<String, Object> facts = elf.facts();

        assertEquals(List.of("path", "format", "kind", "cpu_family", "bits", "endian", "machine", "os_abi",
                "float_abi", "interpreter", "soname", "needed", "max_glibc", "runpath", "rpath", "executable_stack",
                "textrel", "build_id", "debuglink", "stripped", "exports"), List.copyOf(facts.keySet()));
        assertEquals("out/libdemo.so", facts.get("path"));
        assertEquals("ELF", facts.get("format"));
        assertEquals(Optional.of("ppc"), facts.get("cpu_family"));
        assertEquals(32, facts.get("bits"));
        assertEquals("big", facts.get("endian"));
        assertEquals(Optional.of("2.34"), facts.get("max_glibc"));
        assertEquals(Optional.of("libdemo.so.debug"), facts.get("debuglink"));
        assertEquals("ELF 32-bit big-endian ppc shared object", elf.describe());
    }
}
