package dev.crossbuild.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crossbuild.checks.CheckRequest;
import dev.crossbuild.nativebuild.Generator;
import dev.crossbuild.nativebuild.NativeTarget;
import java.nio.file.Path;
import java.util.List;
import javax.inject.Inject;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

/**
 * Empty elements as Maven binds them ({@code <arg/>}, {@code <arg>${empty}</arg>}): dropped from every list, as
 * Maven's own plugins do (they once crashed setup with a NullPointerException; issue 12 item 6).
 */
@MojoTest
@Basedir("/unit/empty-values")
class EmptyValuesTest {

    @Inject
    private MavenProject project;

    @Test
    @InjectMojo(goal = "setup")
    void emptyElementsAreDroppedFromEveryList(SetupMojo mojo) throws Exception {
        Path basedir = project.getBasedir().toPath();

        List<NativeTarget> targets = mojo.targets();

        NativeTarget demo = targets.get(0);
        assertEquals(List.of(basedir.resolve("src/main/c")), demo.sourceDirectories());
        assertEquals(List.of(), demo.includes());
        assertEquals(List.of("contrib/**"), demo.excludes());
        assertEquals(List.of(), demo.includeDirectories());
        assertEquals(List.of("FOO=1"), demo.defines());
        assertEquals(List.of("-O2"), demo.compilerArgs());
        assertEquals(List.of(), demo.linkerArgs());
        assertEquals(List.of(), demo.dependencies());
        assertEquals(List.of(), demo.libraries());
        Generator generator = demo.generators().get(0);
        assertEquals(List.of("@OUTPUT0@"), generator.args());
        assertEquals(List.of("table.c"), generator.outputs());
        assertEquals(List.of(), generator.inputs());
        assertEquals(List.of("demo", "gen"), targets.stream().map(NativeTarget::name).toList());
    }

    @Test
    @InjectMojo(goal = "setup")
    void emptyChecksAreDropped(SetupMojo mojo) throws Exception {
        CheckRequest checks = mojo.toolchainRequest().checks();
        assertEquals(List.of("long"), checks.sizeof());
    }
}
