package dev.crossbuild.nativetest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** -Dcross.test: names and globs, in the tests' order, and the error when nothing matches. */
class TestSelectionTest {

    private static final List<TestDefinition> TESTS = List.of(test("test_mix"), test("test_skip"), test("all"),
            test("io.read"));

    private static TestDefinition test(String name) {
        return TestDefinition.builder(name, new TestDefinition.ProjectExecutable("lua")).build();
    }

    private static List<String> names(List<TestDefinition> tests) {
        return tests.stream().map(TestDefinition::name).toList();
    }

    @Test
    void unsetOrBlankSelectsEverything() throws Exception {
        assertTrue(TestSelection.parse(null).selectsAll());
        assertTrue(TestSelection.parse(" , ").selectsAll());
        assertEquals(TESTS, TestSelection.parse("").select(TESTS, true));
    }

    @Test
    void namesAndGlobsSelectInTheTestsOrder() throws Exception {
        assertEquals(List.of("test_mix", "all"), names(TestSelection.parse("all, test_mix").select(TESTS, true)));
        assertEquals(List.of("test_mix", "test_skip"), names(TestSelection.parse("test_*").select(TESTS, true)));
        assertEquals(List.of("io.read"), names(TestSelection.parse("io?read").select(TESTS, true)));
        assertEquals(List.of("io.read"), names(TestSelection.parse("io.*").select(TESTS, true)));
        assertFalse(TestSelection.parse("test").matches("test_mix"));
        assertFalse(TestSelection.parse("io.read").matches("ioxread"));
    }

    @Test
    void noMatchIsAnErrorListingTheTestsUnlessTurnedOff() throws Exception {
        NativeTestException e = assertThrows(NativeTestException.class,
                () -> TestSelection.parse("mix,nope*").select(TESTS, true));
        assertEquals("No native test matches -Dcross.test=mix,nope*; the tests of this module are: test_mix, "
                + "test_skip, all, io.read. Give one of these names (* and ? match any characters and one character), "
                + "or set -Dcross.test.failIfNoSpecifiedTests=false to let modules without a match pass.",
                e.getMessage());
        assertEquals(List.of(), TestSelection.parse("mix").select(TESTS, false));
    }
}
