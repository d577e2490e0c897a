package dev.crossbuild.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.crossbuild.error.CrossException;
import java.nio.file.Files;
import javax.inject.Inject;
import org.apache.maven.api.plugin.testing.Basedir;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.Mojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A configuration mistake ends every goal as a {@link MojoFailureException} carrying the message (Maven's BUILD
 * FAILURE, "[Help 1] ... MojoFailureException"), never as a {@code MojoExecutionException} or a runtime exception,
 * which Maven reports as an internal error of the plugin ("Execution ... failed").
 */
@MojoTest
@Basedir("/unit/errors")
class UserErrorsTest {

    private static final String WRONG_KIND = "<library><kind> of 'demo' is 'dynamic'; use shared, static or both";

    @Inject
    private MavenSession session;

    @Inject
    private MavenProject project;

    @BeforeEach
    void buildRoot() {
        session.getRequest().setMultiModuleProjectDirectory(project.getBasedir());
    }

    private static CrossException userError(Mojo mojo, String message) {
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertEquals(message, e.getMessage());
        return assertInstanceOf(CrossException.class, e.getCause());
    }

    @Test
    @InjectMojo(goal = "setup")
    void setup(SetupMojo mojo) {
        assertEquals("<libraries>/<executables>", userError(mojo, WRONG_KIND).value());
    }

    @Test
    @InjectMojo(goal = "compile")
    void compile(CompileMojo mojo) {
        userError(mojo, WRONG_KIND);
    }

    @Test
    @InjectMojo(goal = "native-link")
    void nativeLink(NativeLinkMojo mojo) {
        userError(mojo, WRONG_KIND);
    }

    @Test
    @InjectMojo(goal = "doctor")
    void doctor(DoctorMojo mojo) {
        userError(mojo, WRONG_KIND);
    }

    @Test
    @InjectMojo(goal = "test")
    @MojoParameter(name = "testTimeout", value = "0")
    void test(TestMojo mojo) {
        assertEquals("<testTimeout>", userError(mojo, "<testTimeout> (cross.test.timeout) is 0; give the seconds a "
                + "test may run, at least 1").value());
    }

    @Test
    @InjectMojo(goal = "setup")
    @MojoParameter(name = "classifier", value = "../../escaped")
    void aClassifierThatIsNotAPlainNameWritesNothing(SetupMojo mojo) {
        assertEquals("../../escaped", userError(mojo, "classifier '../../escaped' (in 'cross.classifier') must be a "
                + "plain name: letters, digits, '_', '-' and '.', not starting with '.'; it names a folder under "
                + "target/cross/ and the attached jar").value());
        assertFalse(Files.exists(project.getBasedir().toPath().resolve("target/cross")));
    }
}
