package dev.crossbuild.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.project.MavenProject;

/**
 * What a goal did to the Maven project, so that a run skipped by its stamp can do the same: the project properties
 * it set ({@code property <name>=<value>}) and the artifacts it attached ({@code attach <type> <classifier> <file>}).
 * Taken as a difference, before and after the goal, so a goal cannot set something that a skipped run forgets.
 */
final class Effects {

    private final MavenProject project;
    private final Properties properties;
    private final int attached;

    private Effects(MavenProject project) {
        this.project = project;
        this.properties = new Properties();
        this.properties.putAll(project.getProperties());
        this.attached = project.getAttachedArtifacts().size();
    }

    static Effects before(MavenProject project) {
        return new Effects(project);
    }

    /** The effects since {@link #before}, in the order a replay applies them. */
    List<String> since() {
        List<String> effects = new ArrayList<>();
        for (Map.Entry<Object, Object> property : project.getProperties().entrySet()) {
            if (!Objects.equals(properties.get(property.getKey()), property.getValue())) {
                effects.add("property " + property.getKey() + "=" + property.getValue());
            }
        }
        List<Artifact> artifacts = project.getAttachedArtifacts();
        for (Artifact artifact : artifacts.subList(Math.min(attached, artifacts.size()), artifacts.size())) {
            effects.add("attach " + artifact.getType() + " " + artifact.getClassifier() + " " + artifact.getFile());
        }
        return effects;
    }

    /**
     * Sets a recorded property. Attachments are replayed by the goal that makes them ({@link NativeLinkMojo}, with
     * Maven's project helper); any other effect here is a defect.
     */
    static void replayProperty(String effect, MavenProject project) {
        if (!effect.startsWith("property ")) {
            throw new IllegalStateException("this goal cannot replay '" + effect + "'");
        }
        String assignment = effect.substring("property ".length());
        int equals = assignment.indexOf('=');
        project.getProperties().setProperty(assignment.substring(0, equals), assignment.substring(equals + 1));
    }

    /** A recorded attachment: type, classifier and file. */
    record Attachment(String type, String classifier, File file) {
        static Attachment parse(String effect) {
            String[] parts = effect.substring("attach ".length()).split(" ", 3);
            return new Attachment(parts[0], parts[1], new File(parts[2]));
        }
    }
}
