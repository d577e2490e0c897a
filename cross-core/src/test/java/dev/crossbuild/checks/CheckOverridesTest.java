package dev.crossbuild.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.crossbuild.crossfile.Value;
import dev.crossbuild.toolchain.Compiler;
import dev.crossbuild.toolchain.CompilerId;
import dev.crossbuild.toolchain.Language;
import dev.crossbuild.toolchain.Tool;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CheckOverridesTest {

    private static final Compiler COMPILER = new Compiler(Language.C,
            new Tool("aarch64-linux-gnu-gcc", List.of("/usr/bin/aarch64-linux-gnu-gcc"), "test"),
            new CompilerId("gcc", "12.2.0", "aarch64-linux-gnu", Optional.of(Path.of("/"))));

    private static final CheckRequest REQUEST = new CheckRequest(List.of("void*", "unsigned long", "long"),
            List.of("double", "void *"), List.of("stdint.h"), List.of("printf", "puts"), List.of("X"));

    @Test
    void readsHasFunctionSizeofAndAlignmentKeys() throws CheckException {
        CheckOverrides overrides = CheckOverrides.read(Map.of(
                "has_function_printf", Value.of(false),
                "sizeof_void*", Value.of(8),
                "sizeof_unsigned_long", Value.of(4),
                "alignment_void_p", Value.of(4),
                "has_function_other", Value.of("not asked, not checked"),
                "sys_root", Value.of("/x")), REQUEST, COMPILER);

        assertEquals(Map.of("printf", false), overrides.functions());
        assertEquals(Map.of("void*", 8, "unsigned long", 4), overrides.sizeof());
        assertEquals(Map.of("void *", 4), overrides.alignment());
        assertEquals(new CheckRequest(List.of("long"), List.of("double"), List.of("stdint.h"), List.of("puts"),
                List.of("X")), REQUEST.without(overrides));
    }

    @Test
    void typeKeysInOrderOfPreference() {
        assertEquals(List.of("sizeof_void_*", "sizeof_void*", "sizeof_void_p"), CheckOverrides.typeKeys("sizeof_", "void *"));
        assertEquals(List.of("sizeof_long"), CheckOverrides.typeKeys("sizeof_", "long"));
        assertEquals(List.of("alignment_struct_timespec"), CheckOverrides.typeKeys("alignment_", "struct timespec"));
    }

    @Test
    void aHasFunctionThatIsNotABooleanNamesTheKey() {
        CheckException e = assertThrows(CheckException.class, () -> CheckOverrides.read(
                Map.of("has_function_printf", Value.of("false")), REQUEST, COMPILER));

        assertEquals("[properties] has_function_printf must be a boolean (true or false), found string 'false'; write"
                + " has_function_printf = true or has_function_printf = false, without quotes.", e.getMessage());
        assertEquals(COMPILER, e.compiler());
        assertEquals(List.of(), e.command());
        assertEquals("", e.stderr());
    }

    @Test
    void aSizeofThatIsNotAPositiveIntegerNamesTheKey() {
        assertEquals("[properties] sizeof_long must be a positive integer, found string '8'; write it as a number"
                        + " without quotes, e.g. sizeof_long = 8.",
                assertThrows(CheckException.class, () -> CheckOverrides.read(
                        Map.of("sizeof_long", Value.of("8")), REQUEST, COMPILER)).getMessage());
        assertEquals("[properties] alignment_double must be a positive integer, found integer 0; write it as a number"
                        + " without quotes, e.g. alignment_double = 8.",
                assertThrows(CheckException.class, () -> CheckOverrides.read(
                        Map.of("alignment_double", Value.of(0)), REQUEST, COMPILER)).getMessage());
        assertEquals("[properties] sizeof_void* must be a positive integer, found array ['8']; write it as a number"
                        + " without quotes, e.g. sizeof_void* = 8.",
                assertThrows(CheckException.class, () -> CheckOverrides.read(
                        Map.of("sizeof_void*", Value.ofStrings(List.of("8"))), REQUEST, COMPILER)).getMessage());
    }
}
