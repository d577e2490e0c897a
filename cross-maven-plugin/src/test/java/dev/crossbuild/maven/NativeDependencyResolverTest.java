package dev.crossbuild.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.crossbuild.maven.NativeDependencyResolver.Coordinates;
import dev.crossbuild.nativebuild.NativeDependencyException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@code <nativeDependencies>}: the coordinates, and the error when a classifier has no development artifact. */
class NativeDependencyResolverTest {

    @Test
    void coordinatesAreGroupArtifactAndVersion() throws Exception {
        assertEquals(new Coordinates("com.example", "codec", "1.0"), Coordinates.parse(" com.example:codec:1.0 "));
        assertEquals("com.example:codec:1.0", Coordinates.parse("com.example:codec:1.0").toString());
        for (String wrong : List.of("com.example:codec", "com.example:codec:zip:1.0", "com.example::1.0", "a b:c:1")) {
            ParameterException e = assertThrows(ParameterException.class, () -> Coordinates.parse(wrong));
            assertTrue(e.getMessage().contains("must be groupId:artifactId:version"), e.getMessage());
        }
    }

    @Test
    void aMissingClassifierNamesTheDependencyTheClassifierWhatExistsAndTheRemedy() throws Exception {
        NativeDependencyException e = NativeDependencyResolver.missing(Coordinates.parse("com.example:codec:1.0"),
                "linux-riscv64", "in the local repository (/m2/com/example/codec/1.0)",
                List.of("linux-aarch_64-dev", "windows-x86_64-dev"), Optional.of("Could not find artifact\nmore"));

        assertEquals("native dependency com.example:codec:1.0: no development artifact linux-riscv64-dev (type zip) in "
                + "the local repository (/m2/com/example/codec/1.0); there are linux-aarch_64-dev, windows-x86_64-dev\n"
                + "(Could not find artifact)\n"
                + "Build codec for linux-riscv64 too (add the cross file of linux-riscv64 to its cross.targets, or "
                + "build it with that cross.file), with <publicHeaders> or <devArtifact>true</devArtifact> on its "
                + "native-link, and install or deploy it; or build this module only for linux-aarch_64, "
                + "windows-x86_64.", e.getMessage());
        assertEquals("com.example:codec:1.0", e.value());
    }

    @Test
    void noArtifactAtAllSaysSo() throws Exception {
        NativeDependencyException e = NativeDependencyResolver.missing(Coordinates.parse("com.example:codec:1.0"),
                "linux-aarch_64", "in the reactor (module codec), built earlier in this run", List.of(),
                Optional.empty());
        assertTrue(e.getMessage().contains("; no development artifact of com.example:codec:1.0 exists there for any "
                + "classifier\nBuild codec for linux-aarch_64 too"), e.getMessage());
    }
}
