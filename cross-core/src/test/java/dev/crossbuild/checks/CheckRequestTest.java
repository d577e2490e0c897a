package dev.crossbuild.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CheckRequestTest {

    private static CheckRequest sizeof(String... types) {
        return new CheckRequest(List.of(types), List.of(), List.of(), List.of(), List.of());
    }

    @Test
    void entriesAreTrimmedTypesCollapsedAndDuplicatesDropped() {
        CheckRequest request = new CheckRequest(List.of(" unsigned\n  long ", "unsigned long", "long"),
                List.of("double", "double"), List.of(" stdint.h"), List.of("printf", "printf "), List.of("A", "A"));

        assertEquals(List.of("unsigned long", "long"), request.sizeof());
        assertEquals(List.of("double"), request.alignment());
        assertEquals(List.of("stdint.h"), request.headers());
        assertEquals(List.of("printf"), request.functions());
        assertEquals(List.of("A"), request.defines());
    }

    @Test
    void typeNamesOfEveryUsualShapeAreAccepted() {
        List<String> types = List.of("void*", "char **", "unsigned long long", "struct timespec", "std::size_t",
                "std::pair<int, long>", "int[4]", "void (*)(void)", "int&");
        assertEquals(types, sizeof(types.toArray(String[]::new)).sizeof());
    }

    @Test
    void entriesThatCouldBreakOutOfTheirLineAreRefused() {
        assertEquals("The sizeof check \"int; int x\" is not valid: expected a C type name such as long, void* or"
                        + " struct timespec.",
                assertThrows(IllegalArgumentException.class, () -> sizeof("int; int x")).getMessage());
        for (String bad : List.of("int /* x */", "#define", "char\"", "a{b}", "'c'", "a\\b", "")) {
            assertThrows(IllegalArgumentException.class, () -> sizeof(bad), bad);
        }
        assertEquals("The header check \"<stdint.h>\" is not valid: expected a header name such as stdint.h or"
                        + " sys/types.h, without <> or quotes.",
                assertThrows(IllegalArgumentException.class, () -> new CheckRequest(List.of(), List.of(),
                        List.of("<stdint.h>"), List.of(), List.of())).getMessage());
        assertEquals("The function check \"printf()\" is not valid: expected a C function name such as clock_gettime,"
                        + " without parentheses.",
                assertThrows(IllegalArgumentException.class, () -> new CheckRequest(List.of(), List.of(), List.of(),
                        List.of("printf()"), List.of())).getMessage());
        assertEquals("The define check \"FOO(x)\" is not valid: expected a macro name such as __aarch64__, without"
                        + " parameters.",
                assertThrows(IllegalArgumentException.class, () -> new CheckRequest(List.of(), List.of(), List.of(),
                        List.of(), List.of("FOO(x)"))).getMessage());
    }

    @Test
    void twoEntriesWithTheSameHeaderNameAreRefused() {
        assertEquals("The sizeof checks \"void*\" and \"void *\" would both be SIZEOF_VOID_P in cross_config.h; list"
                        + " only one of them.",
                assertThrows(IllegalArgumentException.class, () -> sizeof("void*", "void *")).getMessage());
        assertEquals("The header checks \"a-b.h\" and \"a_b.h\" would both be HAVE_A_B_H in cross_config.h; list only"
                        + " one of them.",
                assertThrows(IllegalArgumentException.class, () -> new CheckRequest(List.of(), List.of(),
                        List.of("a-b.h", "a_b.h"), List.of(), List.of())).getMessage());
    }

    @Test
    void emptyIsEmpty() {
        assertTrue(CheckRequest.empty().isEmpty());
        assertTrue(!sizeof("long").isEmpty());
    }
}
