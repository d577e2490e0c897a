package dev.crossbuild.maven;

import dev.crossbuild.crossfile.CrossFileException;
import dev.crossbuild.crossfile.CrossFileWarning;
import dev.crossbuild.exec.HostEnvironment;
import dev.crossbuild.setup.CrossSetup;
import dev.crossbuild.setup.SetupRequest;
import dev.crossbuild.setup.SetupResult;
import java.io.IOException;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Reads the cross and native files, resolves the build, host and target machines, writes
 * {@code target/cross/<classifier>/setup.json} and sets the {@code cross.*} project properties.
 */
@Mojo(name = "setup", defaultPhase = LifecyclePhase.INITIALIZE, threadSafe = true)
public class SetupMojo extends AbstractCrossMojo {

    @Override
    protected String goal() {
        return "setup";
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        SetupRequest request = new SetupRequest(
                orEmpty(crossFiles),
                orEmpty(nativeFiles),
                searchFirst(),
                crossDirectory.toPath(),
                Optional.ofNullable(classifier).map(String::trim).filter(c -> !c.isEmpty()),
                Optional.of(buildRoot()));
        SetupResult result;
        try {
            result = new CrossSetup(HostEnvironment.system()).run(request);
        } catch (CrossFileException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write " + crossDirectory + ": " + e.getMessage(), e);
        }
        for (CrossFileWarning warning : result.environment().warnings()) {
            getLog().warn(warning.toString());
        }
        result.summary().forEach(getLog()::info);
        result.projectProperties().forEach(project.getProperties()::setProperty);
    }
}
