package dev.crossbuild.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.crossbuild.toolchain.Language;
import java.util.Set;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.junit.jupiter.api.Test;

/**
 * Setup asks for the compilers of the sources the targets compile, their folders filtered by their
 * {@code <includes>} and {@code <excludes>}, not for those of every file in the folders: a C project with an unbuilt
 * {@code contrib/*.cpp} once demanded a C++ compiler (issue 12 item 6).
 */
@MojoTest
@Basedir("/unit/filtered-sources")
class FilteredSourcesTest {

    @Test
    @InjectMojo(goal = "setup")
    void setupAsksForTheCompilersOfTheSourcesTheTargetsCompile(SetupMojo mojo) throws Exception {
        assertEquals(Set.of(Language.C), mojo.toolchainRequest().languages());
        assertEquals(Set.of(Language.C), mojo.toolchainRequest().buildLanguages());
    }
}
