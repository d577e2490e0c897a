package dev.crossbuild.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One build's data under {@code target/cross/<classifier>/}. {@code setup} is empty when {@code setup.json} is
 * missing or damaged, {@code outputs} when native-link has not run (or its file is damaged); {@code problems} says
 * which file could not be read and why.
 */
public record ClassifierReport(String classifier, Path directory, Optional<SetupSummary> setup,
                               Optional<List<OutputRow>> outputs, List<TestSuiteResult> tests, List<String> problems) {

    public ClassifierReport {
        Objects.requireNonNull(classifier, "classifier");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(setup, "setup");
        outputs = outputs.map(List::copyOf);
        tests = List.copyOf(tests);
        problems = List.copyOf(problems);
    }

    /** The data of {@code directory}, whose name is the classifier. */
    static ClassifierReport read(Path directory, Path testReportsDirectory) throws IOException {
        String classifier = directory.getFileName().toString();
        List<String> problems = new ArrayList<>();
        Optional<SetupSummary> setup = SetupReader.read(directory.resolve(SetupReader.FILE_NAME), problems);
        Optional<List<OutputRow>> outputs = OutputsReader.read(directory.resolve(OutputsReader.FILE_NAME), problems);
        List<TestSuiteResult> tests = TestReportReader.read(testReportsDirectory, classifier, problems);
        return new ClassifierReport(classifier, directory, setup, outputs, tests, problems);
    }
}
