package dev.crossbuild.maven;

import dev.crossbuild.setup.SetupResult;
import dev.crossbuild.setup.TargetJvm;
import dev.crossbuild.setup.TargetJvmException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.project.MavenProject;

/**
 * setup's {@code targetJava} part: writes the launcher (core: {@link TargetJvm}) and sets the {@code jvm} and
 * {@code argLine} properties Surefire reads. {@code argLine} is read where Maven's expression evaluator finds it
 * first (a {@code -DargLine} user property, else the project property another plugin such as JaCoCo may have set
 * earlier in the build) and written back there, with {@code -Djava.library.path} appended.
 */
final class TargetJvmStep {

    private TargetJvmStep() {
    }

    static void run(Path targetJava, SetupResult result, MavenProject project, MavenSession session, Log log)
            throws TargetJvmException, IOException {
        TargetJvm jvm = TargetJvm.prepare(result, targetJava);
        jvm.warnings().forEach(log::warn);
        jvm.summary().forEach(log::info);

        Properties user = session.getUserProperties();
        Properties projectProperties = project.getProperties();
        Optional<String> existing = Optional.ofNullable(user.getProperty("argLine"))
                .or(() -> Optional.ofNullable(projectProperties.getProperty("argLine")));
        jvm.argLineWarning(existing).ifPresent(log::warn);
        String argLine = jvm.argLine(existing);
        projectProperties.setProperty("jvm", jvm.jvm().toString());
        projectProperties.setProperty("argLine", argLine);
        if (user.getProperty("argLine") != null) {
            user.setProperty("argLine", argLine);
        }
        log.info("jvm = " + jvm.jvm() + ", argLine = " + argLine);
    }
}
