package dev.crossbuild.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class DefineValuesTest {

    @Test
    void adjacentStringLiteralsAreJoinedLikeMesonDoes() {
        assertEquals("\"1.2.3\"", DefineValues.mergeStringLiterals("\"1.\" \"2\"  \"." + "3\""));
        assertEquals("f(\"ab\", \"c\")", DefineValues.mergeStringLiterals("f(\"a\" \"b\", \"c\")"));
        assertEquals("\"a\\\"\"", DefineValues.mergeStringLiterals("\"a\" \"\\\"\""), "escaped quotes stay inside");
    }

    @Test
    void everythingElseIsKept() {
        assertEquals("1", DefineValues.mergeStringLiterals("1"));
        assertEquals("(1 + 2)", DefineValues.mergeStringLiterals("(1 + 2)"));
        assertEquals("", DefineValues.mergeStringLiterals(""));
        assertEquals("\"open", DefineValues.mergeStringLiterals("\"open"));
        assertEquals("\"a\" x \"b\"", DefineValues.mergeStringLiterals("\"a\" x \"b\""));
    }
}
