package dev.crossbuild.maven;

import dev.crossbuild.machine.MachineRole;
import dev.crossbuild.nativebuild.BuildLayout;
import dev.crossbuild.nativebuild.BuildListener;
import dev.crossbuild.nativebuild.NativeTarget;
import dev.crossbuild.nativebuild.SetupState;
import dev.crossbuild.nativebuild.SetupStateException;
import dev.crossbuild.nativebuild.TargetKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What the goals that build share: the {@code <libraries>} and {@code <executables>} of the module (configure them
 * in the plugin's {@code <configuration>}, so compile and native-link see the same), the number of parallel jobs,
 * and the setup that the {@code setup} goal left in {@code setup.json}.
 */
abstract class AbstractBuildMojo extends AbstractCrossMojo {

    /**
     * Libraries to build. None configured and a {@code src/main/c} or {@code src/main/cpp} folder present: one shared
     * JNI library named after the artifactId, from those folders.
     */
    @Parameter
    protected List<NativeLibrary> libraries;

    /** Executables to build. */
    @Parameter
    protected List<Executable> executables;

    /** How many compiler processes run at once. Default: the number of processors. */
    @Parameter(property = "cross.jobs")
    protected Integer jobs;

    /** The targets of this module, libraries first, in POM order. */
    protected List<NativeTarget> targets() throws MojoFailureException {
        Path basedir = moduleDirectory(); // the doctor runs without a project too
        List<NativeTarget> targets = new ArrayList<>();
        try {
            if (libraries == null || libraries.isEmpty()) {
                List<Path> conventional = existing(basedir, List.of("src/main/c", "src/main/cpp"));
                if (!conventional.isEmpty()) {
                    targets.add(new NativeTarget(project.getArtifactId(), TargetKind.SHARED_LIBRARY, conventional,
                            List.of(), List.of(), existing(basedir, List.of("src/main/include")), List.of(), List.of(),
                            List.of(), List.of(), true, List.of(), MachineRole.HOST));
                }
            } else {
                for (NativeLibrary library : libraries) {
                    targets.add(library.toTarget(kind(library), library.jni, basedir, "library"));
                }
            }
            if (executables != null) {
                for (Executable executable : executables) {
                    targets.add(executable.toTarget(TargetKind.EXECUTABLE, false, basedir, "executable"));
                }
            }
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
        return targets;
    }

    protected int jobs() {
        return jobs != null && jobs > 0 ? jobs : Runtime.getRuntime().availableProcessors();
    }

    /** The layout of the classifier setup resolved in this build (or {@code cross.classifier}). */
    protected BuildLayout layout() throws MojoFailureException {
        String resolved = classifier;
        if (resolved == null || resolved.isBlank()) {
            resolved = project.getProperties().getProperty("cross.classifier");
        }
        if (resolved == null || resolved.isBlank()) {
            throw new MojoFailureException("cross:" + goal() + " needs the cross:setup goal to run first in the same "
                    + "build (it is bound to initialize: run e.g. 'mvn package'), or -Dcross.classifier=<folder under "
                    + crossDirectory + ">");
        }
        return new BuildLayout(crossDirectory.toPath().resolve(resolved.trim()));
    }

    protected SetupState setupState(BuildLayout layout) throws MojoFailureException {
        try {
            return SetupState.read(layout.setupJson());
        } catch (SetupStateException e) {
            throw new MojoFailureException(e.getMessage(), e);
        }
    }

    /** Logs progress through Maven's log; in verbose mode (or with -X) with why each output is made again. */
    protected BuildListener listener() {
        return new BuildListener() {
            @Override
            public void info(String line) {
                getLog().info(line);
            }

            @Override
            public void warn(String line) {
                getLog().warn(line);
            }

            @Override
            public boolean explains() {
                return verboseLog().isPresent();
            }
        };
    }

    static List<Path> existing(Path basedir, List<String> folders) {
        return folders.stream().map(basedir::resolve).filter(Files::isDirectory).toList();
    }

    private static TargetKind kind(NativeLibrary library) {
        String kind = library.kind == null ? "shared" : library.kind.trim().toLowerCase(Locale.ROOT);
        return switch (kind) {
            case "shared" -> TargetKind.SHARED_LIBRARY;
            case "static" -> TargetKind.STATIC_LIBRARY;
            default -> throw new IllegalArgumentException("<library><kind> of '" + library.name + "' is '" + library.kind
                    + "'; use shared or static");
        };
    }
}
