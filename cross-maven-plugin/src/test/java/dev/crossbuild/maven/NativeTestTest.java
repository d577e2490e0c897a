package dev.crossbuild.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.crossbuild.nativetest.TestDefinition;
import dev.crossbuild.nativetest.TestProtocol;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a POM's {@code <test>} becomes a core test, and what it refuses. */
class NativeTestTest {

    private static final Path BASEDIR = Path.of("/work/app");

    private static NativeTest runs(String executable) {
        NativeTest test = new NativeTest();
        test.name = "suite";
        test.executable = executable;
        return test;
    }

    @Test
    void aTestOfAnExecutableTakesArgumentsEnvironmentFolderProtocolTimeoutAndParallel() {
        NativeTest test = runs(" lua ");
        test.args = Arrays.asList("all.lua", null, "", "-v");
        Map<String, String> environment = new LinkedHashMap<>();
        environment.put("LUA_PATH", "./?.lua");
        environment.put("EMPTY", null);
        test.environment = environment;
        test.workingDirectory = new File("testes");
        test.protocol = " TAP ";
        test.timeout = 900;
        test.parallel = false;

        TestDefinition definition = test.toDefinition(BASEDIR);

        assertEquals(new TestDefinition.ProjectExecutable("lua"), definition.program());
        assertEquals(List.of("all.lua", "-v"), definition.args());
        assertEquals(Map.of("LUA_PATH", "./?.lua", "EMPTY", ""), definition.environment());
        assertEquals(Optional.of(BASEDIR.resolve("testes")), definition.workingDirectory());
        assertEquals(TestProtocol.TAP, definition.protocol());
        assertEquals(Optional.of(Duration.ofSeconds(900)), definition.timeout());
        assertEquals(false, definition.parallel());
    }

    @Test
    void aTestProgramHasTheDefaultsOfAConventionalOne() {
        NativeTest test = new NativeTest();
        test.name = "test_codec";
        test.sourceDirectories = List.of(new File("src/test/codec"));
        TestDefinition definition = test.toDefinition(BASEDIR);
        assertEquals(List.of(BASEDIR.resolve("src/test/codec")), definition.compiled().orElseThrow()
                .sourceDirectories());
        assertEquals(List.of(), definition.args());
        assertEquals(Optional.empty(), definition.workingDirectory());
        assertEquals(TestProtocol.EXIT_CODE, definition.protocol());
        assertEquals(Optional.empty(), definition.timeout());
        assertEquals(true, definition.parallel());
    }

    @Test
    void mistakesSayWhatToChange() {
        NativeTest both = runs("lua");
        both.sourceDirectories = List.of(new File("src/test/c"));
        both.defines = List.of("X");
        assertEquals("<test> suite runs <executable>lua</executable>, which is built already, so it cannot have "
                + "<sourceDirectories>, <defines>; remove them, or remove <executable> to build a test program from "
                + "sources", message(both));

        NativeTest neither = runs(null);
        assertEquals("<test> suite needs <sourceDirectories>: the folders of its sources (e.g. src/test/suite), or "
                + "<executable>: one of the module's <executables> to run", message(neither));

        NativeTest protocol = runs("lua");
        protocol.protocol = "junit";
        assertEquals("<test> suite: <protocol> is 'junit'; use one of exitcode, tap", message(protocol));

        NativeTest timeout = runs("lua");
        timeout.timeout = 0;
        assertEquals("<test> suite: <timeout> is 0; give the seconds the test may run, at least 1", message(timeout));

        NativeTest variable = runs("lua");
        variable.environment = Map.of("A=B", "c");
        assertEquals("<test> suite: test 'suite': 'A=B' cannot name an environment variable", message(variable));

        NativeTest name = runs("lua");
        name.name = "../x";
        assertEquals("<test> ../x: test name '../x' must be letters, digits, '_', '.', '+' or '-' (starting with a "
                + "letter, digit or '_')", message(name));
    }

    private static String message(NativeTest test) {
        return assertThrows(IllegalArgumentException.class, () -> test.toDefinition(BASEDIR)).getMessage();
    }
}
