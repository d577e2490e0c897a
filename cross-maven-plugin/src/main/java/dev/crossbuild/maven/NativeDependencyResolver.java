package dev.crossbuild.maven;

import dev.crossbuild.error.CrossException;
import dev.crossbuild.nativebuild.DevArtifact;
import dev.crossbuild.nativebuild.NativeDependencyException;
import dev.crossbuild.nativebuild.ResolvedDevArtifact;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.ArtifactResult;

/**
 * Finds the development artifact ({@code <classifier>-dev}, type {@code zip}) of each {@code <nativeDependencies>}
 * entry for one classifier: from the reactor when the dependency is a module of this build (what its native-link
 * attached earlier in the same run), else through Maven's resolver from the local repository and the project's
 * remote repositories (offline, {@code -o}: the local repository only). A missing one fails with the classifiers that
 * exist and where cross looked.
 */
final class NativeDependencyResolver {

    /** {@code groupId:artifactId:version}, parsed. */
    record Coordinates(String groupId, String artifactId, String version) {

        static Coordinates parse(String text) throws ParameterException {
            String[] parts = text.strip().split(":", -1);
            if (parts.length != 3 || Stream.of(parts).anyMatch(p -> p.isBlank() || p.contains(" "))) {
                throw new ParameterException("<nativeDependencies>", "<nativeDependency> '" + text + "' must be "
                        + "groupId:artifactId:version, e.g. com.example:codec:1.0 (also -Dcross.nativeDependencies="
                        + "com.example:codec:1.0,...)");
            }
            return new Coordinates(parts[0], parts[1], parts[2]);
        }

        @Override
        public String toString() {
            return groupId + ":" + artifactId + ":" + version;
        }
    }

    private final MavenSession session;
    private final MavenProject project;
    private final RepositorySystem repositorySystem;

    NativeDependencyResolver(MavenSession session, MavenProject project, RepositorySystem repositorySystem) {
        this.session = session;
        this.project = project;
        this.repositorySystem = repositorySystem;
    }

    /** The development artifacts of {@code dependencies} for {@code classifier}, in that order. */
    List<ResolvedDevArtifact> resolve(List<Coordinates> dependencies, String classifier) throws CrossException {
        List<ResolvedDevArtifact> resolved = new ArrayList<>();
        for (Coordinates coordinates : dependencies) {
            Optional<MavenProject> module = session.getProjects().stream()
                    .filter(p -> p.getGroupId().equals(coordinates.groupId())
                            && p.getArtifactId().equals(coordinates.artifactId())
                            && p.getVersion().equals(coordinates.version()))
                    .findFirst();
            resolved.add(module.isPresent() ? fromReactor(coordinates, module.get(), classifier)
                    : fromRepository(coordinates, classifier));
        }
        return resolved;
    }

    private ResolvedDevArtifact fromReactor(Coordinates coordinates, MavenProject module, String classifier)
            throws NativeDependencyException {
        String wanted = DevArtifact.classifier(classifier);
        String origin = "the reactor (module " + module.getArtifactId() + ")";
        if (module == project) {
            throw new NativeDependencyException("<nativeDependencies> of " + coordinates + " names the module itself",
                    coordinates.toString(), "Remove " + coordinates + " from <nativeDependencies>: a module links its "
                            + "own libraries through <library><libraries>.");
        }
        for (org.apache.maven.artifact.Artifact attached : module.getAttachedArtifacts()) {
            if (wanted.equals(attached.getClassifier()) && DevArtifact.TYPE.equals(attached.getType())
                    && attached.getFile() != null && attached.getFile().isFile()) {
                return new ResolvedDevArtifact(coordinates.toString(), coordinates.artifactId(),
                        attached.getFile().toPath(), origin);
            }
        }
        if (session.getResult() == null || session.getResult().getBuildSummary(module) == null) {
            throw new NativeDependencyException(coordinates + " is a module of this build (" + module.getBasedir()
                    + "), but it is built after " + project.getArtifactId() + ", so its development artifact "
                    + wanted + " does not exist yet", coordinates.toString(), "Make Maven build "
                    + coordinates.artifactId() + " first: declare it as a dependency of " + project.getArtifactId()
                    + " (<dependency> with <type>pom</type> and <scope>provided</scope> orders the build without "
                    + "putting anything on the class path), or list it before " + project.getArtifactId()
                    + " in <modules>.");
        }
        List<String> classifiers = module.getAttachedArtifacts().stream()
                .filter(a -> DevArtifact.TYPE.equals(a.getType()) && a.getClassifier() != null
                        && a.getClassifier().endsWith(DevArtifact.CLASSIFIER_SUFFIX))
                .map(org.apache.maven.artifact.Artifact::getClassifier).distinct().sorted().toList();
        // None at all: the build may have stopped before the module's native-link (process-classes) attached them.
        Optional<String> detail = classifiers.isEmpty() ? Optional.of(coordinates.artifactId() + "'s native-link, "
                + "which attaches them, runs in the phase process-classes: build at least that far, e.g. mvn package")
                : Optional.empty();
        throw missing(coordinates, classifier, "in " + origin + ", built earlier in this run", classifiers, detail);
    }

    private ResolvedDevArtifact fromRepository(Coordinates coordinates, String classifier)
            throws NativeDependencyException {
        String wanted = DevArtifact.classifier(classifier);
        Artifact artifact = new DefaultArtifact(coordinates.groupId(), coordinates.artifactId(), wanted,
                DevArtifact.TYPE, coordinates.version());
        RepositorySystemSession repositorySession = session.getRepositorySession();
        List<RemoteRepository> remotes = project.getRemoteProjectRepositories();
        try {
            ArtifactResult result = repositorySystem.resolveArtifact(repositorySession,
                    new ArtifactRequest(artifact, remotes, null));
            File file = result.getArtifact().getFile();
            String origin = result.getRepository() instanceof RemoteRepository remote
                    ? "the repository " + remote.getId() + " (" + remote.getUrl() + ")" : "the local repository";
            return new ResolvedDevArtifact(coordinates.toString(), coordinates.artifactId(), file.toPath(), origin);
        } catch (ArtifactResolutionException e) {
            Path local = repositorySession.getLocalRepository().getBasedir().toPath()
                    .resolve(repositorySession.getLocalRepositoryManager().getPathForLocalArtifact(artifact));
            String where = "in the local repository (" + local.getParent() + ")"
                    + (session.isOffline() ? ", offline"
                            : remotes.isEmpty() ? "" : " and in " + remotes.stream()
                                    .map(r -> r.getId() + " (" + r.getUrl() + ")").collect(Collectors.joining(", ")));
            throw missing(coordinates, classifier, where, localClassifiers(local.getParent(), coordinates),
                    Optional.ofNullable(e.getMessage()));
        }
    }

    /**
     * The {@code <classifier>-dev} zips of the dependency in its local repository folder: the repository's metadata
     * does not list classifiers, the folder does.
     */
    private static List<String> localClassifiers(Path folder, Coordinates coordinates) {
        String prefix = coordinates.artifactId() + "-" + coordinates.version() + "-";
        String suffix = DevArtifact.CLASSIFIER_SUFFIX + "." + DevArtifact.TYPE;
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        TreeSet<String> classifiers = new TreeSet<>();
        try (Stream<Path> files = Files.list(folder)) {
            files.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(prefix) && n.endsWith(suffix)
                    && n.length() > prefix.length() + suffix.length())
                    .forEach(n -> classifiers.add(n.substring(prefix.length(), n.length() - DevArtifact.TYPE.length()
                            - 1)));
        } catch (IOException e) {
            return List.of();
        }
        return List.copyOf(classifiers);
    }

    static NativeDependencyException missing(Coordinates coordinates, String classifier, String where,
                                             List<String> classifiers, Optional<String> detail) {
        String wanted = DevArtifact.classifier(classifier);
        String found = classifiers.isEmpty()
                ? "no development artifact of " + coordinates + " exists there for any classifier"
                : "there are " + String.join(", ", classifiers);
        String build = "Build " + coordinates.artifactId() + " for " + classifier + " too (add the cross file of "
                + classifier + " to its cross.targets, or build it with that cross.file), with <publicHeaders> or "
                + "<devArtifact>true</devArtifact> on its native-link, and install or deploy it"
                + (classifiers.isEmpty() ? "" : "; or build this module only for "
                        + classifiers.stream().map(c -> c.substring(0, c.length() - DevArtifact.CLASSIFIER_SUFFIX.length()))
                                .collect(Collectors.joining(", ")))
                + ".";
        return new NativeDependencyException("native dependency " + coordinates + ": no development artifact "
                + wanted + " (type " + DevArtifact.TYPE + ") " + where + "; " + found
                + detail.map(d -> "\n(" + d.lines().findFirst().orElse(d) + ")").orElse(""),
                coordinates.toString(), build);
    }
}
