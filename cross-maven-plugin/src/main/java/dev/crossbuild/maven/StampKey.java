package dev.crossbuild.maven;

import dev.crossbuild.exec.HostEnvironment;
import dev.crossbuild.io.GoalStamp;
import dev.crossbuild.io.Hashes;
import java.io.File;
import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.project.MavenProject;

/**
 * The key of a goal's up-to-date stamp: everything a goal depends on that is not a file, as one SHA-256. Built
 * generously: every parameter of the mojo (found by reflection, so a parameter added later cannot be forgotten; a
 * value of a type it does not know makes the goal unstampable rather than guessed at), the project's coordinates,
 * folders and properties (those earlier goals set included), the session's offline and update switches and user
 * properties, every environment variable and system property, and the size and time of every jar of the plugin's
 * class realm (a rebuilt SNAPSHOT is another plugin). A mojo's {@code transient} fields are what a run found, not
 * parameters, and are left out. Something that changes without mattering only costs a normal
 * run of the goal.
 */
final class StampKey {

    /**
     * Set anew by the shell or the mvn script for each command line without changing what the goals do (the
     * command line's {@code -D} values are user properties, which count).
     */
    private static final Set<String> VOLATILE_VARIABLES = Set.of("_", "OLDPWD", "MAVEN_CMD_LINE_ARGS");
    private static final Set<String> VOLATILE_PROPERTIES = Set.of("sun.java.command");
    /**
     * What only changes the log, as a parameter and as properties: {@code cross.verbose}, turned on to see why a goal
     * runs, must not be the reason; Maven's {@code -q} and {@code -X} set the logger's level as a system property,
     * and {@code style.color} its colours.
     */
    private static final String LOG_ONLY_FIELD = "verbose";
    private static final Set<String> LOG_ONLY_PROPERTIES = Set.of("cross.verbose", "style.color");
    private static final String LOGGER_PROPERTIES = "org.slf4j.simpleLogger.";
    private static final int DEPTH = 8;

    /** A parameter value of a type the key cannot render faithfully: the goal then always runs. */
    static final class UnstampableException extends Exception {
        UnstampableException(String message) {
            super(message);
        }
    }

    private StampKey() {
    }

    static String of(AbstractCrossMojo mojo, MavenProject project, MavenSession session, List<String> extras)
            throws UnstampableException {
        StringBuilder text = new StringBuilder();
        text.append("goal ").append(mojo.getClass().getName()).append('\n');
        realm(mojo.getClass(), text);
        for (Class<?> type = mojo.getClass(); type != AbstractMojo.class && type != null; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (Modifier.isStatic(field.getModifiers()) || Modifier.isTransient(field.getModifiers())
                        || isMavens(field.getType())
                        || (type == AbstractCrossMojo.class && field.getName().equals(LOG_ONLY_FIELD))) {
                    continue;
                }
                text.append("parameter ").append(type.getSimpleName()).append('.').append(field.getName()).append('=');
                render(read(field, mojo), text, 0);
                text.append('\n');
            }
        }
        text.append("project ").append(project.getGroupId()).append(':').append(project.getArtifactId()).append(':')
                .append(project.getVersion()).append(':').append(project.getPackaging()).append(' ')
                .append(project.getBasedir()).append(' ').append(project.getBuild().getDirectory()).append(' ')
                .append(project.getBuild().getOutputDirectory()).append(' ').append(project.getBuild().getFinalName())
                .append('\n');
        properties("project property ", project.getProperties(), text);
        text.append("session offline=").append(session.isOffline()).append(" update=")
                .append(session.getRequest().isUpdateSnapshots()).append(" root=")
                .append(session.getRequest().getMultiModuleProjectDirectory()).append(" started in ")
                .append(session.getExecutionRootDirectory()).append('\n');
        properties("user property ", session.getUserProperties(), text);
        HostEnvironment host = HostEnvironment.system();
        for (Map.Entry<String, String> variable : host.variables().entrySet()) {
            if (!VOLATILE_VARIABLES.contains(variable.getKey())) {
                text.append("env ").append(variable.getKey()).append('=').append(variable.getValue()).append('\n');
            }
        }
        for (Map.Entry<String, String> property : host.properties().entrySet()) {
            if (!VOLATILE_PROPERTIES.contains(property.getKey()) && !logOnly(property.getKey())) {
                text.append("system ").append(property.getKey()).append('=').append(property.getValue()).append('\n');
            }
        }
        for (String extra : extras) {
            text.append("extra ").append(extra).append('\n');
        }
        return Hashes.sha256(text.toString());
    }

    /**
     * The jars the plugin's classes come from, with their sizes and times: the plugin's and cross-core's, and every
     * other of the class realm.
     */
    private static void realm(Class<?> mojo, StringBuilder text) throws UnstampableException {
        Set<URL> urls = new LinkedHashSet<>();
        for (Class<?> type : List.of(mojo, GoalStamp.class)) {
            CodeSource source = type.getProtectionDomain().getCodeSource();
            if (source == null || source.getLocation() == null) {
                throw new UnstampableException("the plugin's classes come from no file");
            }
            urls.add(source.getLocation());
        }
        if (mojo.getClassLoader() instanceof URLClassLoader loader) {
            urls.addAll(List.of(loader.getURLs()));
        }
        for (URL url : urls) {
            try {
                Path path = Path.of(url.toURI());
                text.append("realm ").append(path).append(' ').append(Files.size(path)).append(' ')
                        .append(Files.getLastModifiedTime(path).toMillis()).append('\n');
            } catch (URISyntaxException | java.io.IOException | RuntimeException e) {
                throw new UnstampableException("the plugin's class path entry " + url + " cannot be stamped");
            }
        }
    }

    private static Object read(Field field, Object owner) throws UnstampableException {
        try {
            field.setAccessible(true);
            return field.get(owner);
        } catch (IllegalAccessException | RuntimeException e) {
            throw new UnstampableException("parameter " + field.getName() + " cannot be read: " + e);
        }
    }

    private static boolean logOnly(String property) {
        return LOG_ONLY_PROPERTIES.contains(property) || property.startsWith(LOGGER_PROPERTIES);
    }

    private static boolean isMavens(Class<?> type) {
        String name = type.getName();
        return name.startsWith("org.apache.maven.") || name.startsWith("org.eclipse.")
                || name.startsWith("org.codehaus.");
    }

    private static void properties(String prefix, Properties properties, StringBuilder text) {
        TreeMap<String, String> sorted = new TreeMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (!logOnly(name)) {
                sorted.put(name, properties.getProperty(name));
            }
        }
        for (Map.Entry<String, String> property : sorted.entrySet()) {
            text.append(prefix).append(property.getKey()).append('=').append(property.getValue()).append('\n');
        }
    }

    /** A parameter's value as text: plain values, collections, maps, and the plugin's own configuration objects. */
    static void render(Object value, StringBuilder out, int depth) throws UnstampableException {
        if (depth > DEPTH) {
            throw new UnstampableException("a parameter nests deeper than " + DEPTH + " levels");
        }
        if (value == null) {
            out.append("null");
        } else if (value instanceof String || value instanceof Number || value instanceof Boolean
                || value instanceof Character || value instanceof Enum<?> || value instanceof File
                || value instanceof Path) {
            out.append(value.getClass().getSimpleName()).append('"')
                    .append(value.toString().replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        } else if (value instanceof Optional<?> optional) {
            out.append("Optional[");
            render(optional.orElse(null), out, depth + 1);
            out.append(']');
        } else if (value instanceof Collection<?> collection) {
            out.append('[');
            for (Object element : collection) {
                render(element, out, depth + 1);
                out.append(',');
            }
            out.append(']');
        } else if (value.getClass().isArray()) {
            out.append('[');
            for (int i = 0; i < Array.getLength(value); i++) {
                render(Array.get(value, i), out, depth + 1);
                out.append(',');
            }
            out.append(']');
        } else if (value instanceof Map<?, ?> map) {
            TreeMap<String, Object> sorted = new TreeMap<>();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                sorted.put(String.valueOf(entry.getKey()), entry.getValue());
            }
            out.append('{');
            for (Map.Entry<String, Object> entry : sorted.entrySet()) {
                render(entry.getKey(), out, depth + 1);
                out.append(':');
                render(entry.getValue(), out, depth + 1);
                out.append(',');
            }
            out.append('}');
        } else if (value.getClass().getPackage() == StampKey.class.getPackage()) {
            out.append(value.getClass().getSimpleName()).append('{');
            List<Field> fields = new ArrayList<>();
            for (Class<?> type = value.getClass(); type != Object.class; type = type.getSuperclass()) {
                for (Field field : type.getDeclaredFields()) {
                    if (!Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) {
                        fields.add(field);
                    }
                }
            }
            for (Field field : fields) {
                out.append(field.getName()).append('=');
                render(read(field, value), out, depth + 1);
                out.append(',');
            }
            out.append('}');
        } else {
            throw new UnstampableException("a parameter holds a " + value.getClass().getName());
        }
    }
}
