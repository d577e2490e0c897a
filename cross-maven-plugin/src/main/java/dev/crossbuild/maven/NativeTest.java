package dev.crossbuild.maven;

import dev.crossbuild.nativebuild.TargetKind;
import dev.crossbuild.nativetest.TestDefinition;
import dev.crossbuild.nativetest.TestProtocol;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code <test>} of {@code <tests>}: a native test. Either a test program, configured like an {@link Executable}
 * ({@code name}, {@code sourceDirectories} (required), {@code includes}, {@code excludes}, {@code includeDirectories},
 * {@code defines}, {@code compilerArgs}, {@code linkerArgs}, {@code dependencies}, {@code libraries}), which sees the
 * include folders of the module's libraries and links the {@code <libraries>} it names, or every library of the module
 * when it names none; or, with {@code <executable>}, one of the module's {@code <executables>} as native-link left it
 * (nothing is built: an interpreter running its test script). Either runs with:
 * <ul>
 * <li>{@code args}: arguments ({@code <arg>}; empty ones are dropped);</li>
 * <li>{@code environment}: variables set for it ({@code <NAME>value</NAME>}), after the goal's own
 * ({@code LD_LIBRARY_PATH}, {@code WINEPATH}), so its value of one of those replaces the goal's;</li>
 * <li>{@code workingDirectory}: the folder it runs in, relative to the module (default: a fresh folder of its own,
 * {@code target/cross/<classifier>/test/run/<name>/}, emptied before each run);</li>
 * <li>{@code protocol}: {@code exitcode} (default: 0 passes, 77 skips, anything else fails) or {@code tap} (Test
 * Anything Protocol on standard output, each {@code ok}/{@code not ok} line a test case);</li>
 * <li>{@code timeout}: seconds it may run (default: {@code cross.test.timeout});</li>
 * <li>{@code parallel}: {@code false} to run it alone, after the other tests (default {@code true}).</li>
 * </ul>
 *
 * <pre>{@code
 * <tests>
 *   <test>
 *     <name>test_codec</name>
 *     <sourceDirectories><sourceDirectory>src/test/codec</sourceDirectory></sourceDirectories>
 *     <args><arg>data/sample.bin</arg></args>
 *     <workingDirectory>src/test/resources</workingDirectory>
 *   </test>
 *   <test>
 *     <name>suite</name>
 *     <executable>lua</executable>
 *     <args><arg>all.lua</arg></args>
 *     <environment><LUA_PATH>./?.lua</LUA_PATH></environment>
 *     <workingDirectory>testes</workingDirectory>
 *     <protocol>tap</protocol>
 *     <timeout>900</timeout>
 *     <parallel>false</parallel>
 *   </test>
 * </tests>
 * }</pre>
 */
public class NativeTest extends NativeTargetConfig {

    /** One of the module's {@code <executables>} to run instead of a test program built from sources. */
    String executable;

    /** Arguments, after the program. */
    List<String> args = List.of();

    /** Environment variables to set for the test. */
    Map<String, String> environment = Map.of();

    /** The folder the test runs in, relative to the module. */
    File workingDirectory;

    /** {@code exitcode} (default) or {@code tap}. */
    String protocol;

    /** Seconds the test may run; default: {@code cross.test.timeout}. */
    Integer timeout;

    /** {@code false}: the test runs alone, while no other test runs. */
    Boolean parallel;

    /**
     * The test as core runs it.
     *
     * @throws IllegalArgumentException with the message for the user, when an element has a value the test cannot use
     */
    TestDefinition toDefinition(Path basedir) {
        String testName = name == null ? "" : name.trim();
        if (testName.isEmpty()) {
            throw new IllegalArgumentException("<test> needs a <name>");
        }
        TestDefinition.Program program;
        if (executable != null && !executable.isBlank()) {
            List<String> set = buildSettings();
            if (!set.isEmpty()) {
                throw new IllegalArgumentException("<test> " + testName + " runs <executable>" + executable.trim()
                        + "</executable>, which is built already, so it cannot have " + String.join(", ", set)
                        + "; remove " + (set.size() == 1 ? "it" : "them") + ", or remove <executable> to build a test "
                        + "program from sources");
            }
            program = new TestDefinition.ProjectExecutable(executable.trim());
        } else {
            if (files(sourceDirectories).isEmpty()) {
                throw new IllegalArgumentException("<test> " + testName + " needs <sourceDirectories>: the folders of "
                        + "its sources (e.g. src/test/" + testName + "), or <executable>: one of the module's "
                        + "<executables> to run");
            }
            program = new TestDefinition.Compiled(toTarget(TargetKind.EXECUTABLE, false, basedir, "test"));
        }
        if (timeout != null && timeout < 1) {
            throw new IllegalArgumentException("<test> " + testName + ": <timeout> is " + timeout + "; give the "
                    + "seconds the test may run, at least 1");
        }
        TestProtocol readBy = protocol == null || protocol.isBlank() ? TestProtocol.EXIT_CODE
                : TestProtocol.parse(protocol).orElseThrow(() -> new IllegalArgumentException("<test> " + testName
                        + ": <protocol> is '" + protocol + "'; use one of " + TestProtocol.names()));
        try {
            return TestDefinition.builder(testName, program).args(arguments()).environment(variables())
                    .workingDirectory(Optional.ofNullable(workingDirectory).map(d -> resolve(basedir, d)))
                    .protocol(readBy).timeout(Optional.ofNullable(timeout).map(s -> Duration.ofSeconds(s)))
                    .parallel(parallel == null || parallel).build();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("<test> " + testName + ": " + e.getMessage(), e);
        }
    }

    /** The build settings that are set: a test that runs an executable can have none. */
    private List<String> buildSettings() {
        List<String> set = new ArrayList<>();
        Map<String, List<?>> lists = new LinkedHashMap<>();
        lists.put("<sourceDirectories>", sourceDirectories);
        lists.put("<includes>", includes);
        lists.put("<excludes>", excludes);
        lists.put("<includeDirectories>", includeDirectories);
        lists.put("<defines>", defines);
        lists.put("<compilerArgs>", compilerArgs);
        lists.put("<linkerArgs>", linkerArgs);
        lists.put("<dependencies>", dependencies);
        lists.put("<libraries>", libraries);
        lists.put("<generators>", generators);
        lists.forEach((element, values) -> {
            if (present(values).stream().anyMatch(NativeTest::given)) {
                set.add(element);
            }
        });
        if (machine != null && !machine.isBlank()) {
            set.add("<machine>");
        }
        return set;
    }

    /** An element with a value: not an empty string or folder (Maven's binding of {@code <arg>${empty}</arg>}). */
    private static boolean given(Object value) {
        return !(value instanceof String text && text.isBlank()) && !(value instanceof File file && file.getPath().isBlank());
    }

    private List<String> arguments() {
        return arguments(args);
    }

    private Map<String, String> variables() {
        Map<String, String> variables = new LinkedHashMap<>();
        if (environment != null) {
            environment.forEach((variable, value) -> variables.put(variable, value == null ? "" : value));
        }
        return variables;
    }
}
