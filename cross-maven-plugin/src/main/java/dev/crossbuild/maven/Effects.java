package dev.crossbuild.maven;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.project.MavenProject;

/**
 * What a goal did to the Maven project, so that a run skipped by its stamp can do the same: the project properties
 * it set ({@code property <name>=<value>}) and the artifacts it attached ({@code attach <type> <classifier> <file>}).
 * Taken as a difference, before and after the goal, so a goal cannot set something that a skipped run forgets.
 */
final class Effects {

    /** One effect, read back from its line. */
    sealed interface Effect permits Property, Attachment {
    }

    /** A project property set. */
    record Property(String name, String value) implements Effect {
    }

    /** An artifact attached: its type, classifier and file. */
    record Attachment(String type, String classifier, File file) implements Effect {
    }

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

    /** The effects since {@link #before}, as lines, in the order a replay applies them. */
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
     * Every line read back, or empty when one is not an effect this version writes (a damaged stamp, or another
     * version's): nothing is replayed then, and the goal runs.
     */
    static Optional<List<Effect>> parse(List<String> lines) {
        List<Effect> effects = new ArrayList<>();
        for (String line : lines) {
            if (line.startsWith("property ") && line.indexOf('=') > "property ".length()) {
                int equals = line.indexOf('=');
                effects.add(new Property(line.substring("property ".length(), equals), line.substring(equals + 1)));
            } else if (line.startsWith("attach ") && line.split(" ", 4).length == 4) {
                String[] parts = line.split(" ", 4);
                effects.add(new Attachment(parts[1], parts[2], new File(parts[3])));
            } else {
                return Optional.empty();
            }
        }
        return Optional.of(effects);
    }
}
