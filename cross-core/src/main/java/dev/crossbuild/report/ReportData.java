package dev.crossbuild.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Everything the site report shows for one module: one {@link ClassifierReport} per folder under the cross
 * directory that holds a {@code setup.json} or an {@code outputs.json} (several when several builds went into one
 * {@code target/}), sorted by classifier.
 */
public record ReportData(Path crossDirectory, List<ClassifierReport> classifiers) {

    public ReportData {
        Objects.requireNonNull(crossDirectory, "crossDirectory");
        classifiers = List.copyOf(classifiers);
    }

    /**
     * Reads {@code crossDirectory/<classifier>/{setup,outputs}.json} and the native tests' reports
     * {@code testReportsDirectory/TEST-cross.<classifier>.*.xml}. A missing cross directory gives no classifiers.
     *
     * @throws IOException only when a folder cannot be listed; unreadable or damaged files become problems
     */
    public static ReportData read(Path crossDirectory, Path testReportsDirectory) throws IOException {
        List<ClassifierReport> classifiers = new ArrayList<>();
        if (Files.isDirectory(crossDirectory)) {
            List<Path> folders;
            try (Stream<Path> children = Files.list(crossDirectory)) {
                folders = children.filter(Files::isDirectory).sorted().toList();
            }
            for (Path folder : folders) {
                if (Files.exists(folder.resolve(SetupReader.FILE_NAME)) || Files.exists(folder.resolve(OutputsReader.FILE_NAME))) {
                    classifiers.add(ClassifierReport.read(folder, testReportsDirectory));
                }
            }
        }
        return new ReportData(crossDirectory, classifiers);
    }

    /** No build has written anything yet: the report explains how to produce the data instead. */
    public boolean isEmpty() {
        return classifiers.isEmpty();
    }
}
