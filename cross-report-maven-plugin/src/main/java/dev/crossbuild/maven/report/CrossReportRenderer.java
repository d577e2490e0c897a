package dev.crossbuild.maven.report;

import dev.crossbuild.machine.Machine;
import dev.crossbuild.report.CheckRow;
import dev.crossbuild.report.ClassifierReport;
import dev.crossbuild.report.MachineFileLayer;
import dev.crossbuild.report.OutputRow;
import dev.crossbuild.report.ReportData;
import dev.crossbuild.report.SetupSummary;
import dev.crossbuild.report.TestSuiteResult;
import dev.crossbuild.report.ToolSummary;
import dev.crossbuild.toolchain.Diagnosis;
import dev.crossbuild.toolchain.Finding;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.reporting.AbstractMavenReportRenderer;

/**
 * Renders {@link ReportData} as the {@code cross-report} page through the Doxia Sink: a how-to when no build has
 * written data, else an overview of the classifiers (when there are several) and one section per classifier with
 * its machines, machine files, toolchain, doctor findings, compiler checks, outputs and native tests. All texts come
 * from {@link ReportMessages}.
 */
final class CrossReportRenderer extends AbstractMavenReportRenderer {

    private final ReportMessages messages;
    private final ReportData data;
    private final ReportTables tables;
    private final String crossDirectory;
    private final String testReportsDirectory;
    /** The classifier being rendered: prefixes every anchor, so several classifiers never repeat an id. */
    private String classifier = "";

    /**
     * @param crossDirectory       how to name {@code target/cross} on the page (relative to the module)
     * @param testReportsDirectory how to name {@code target/surefire-reports} on the page
     */
    CrossReportRenderer(Sink sink, ReportMessages messages, ReportData data, String crossDirectory,
                        String testReportsDirectory) {
        super(sink);
        this.messages = messages;
        this.data = data;
        this.tables = new ReportTables(sink);
        this.crossDirectory = crossDirectory;
        this.testReportsDirectory = testReportsDirectory;
    }

    @Override
    public String getTitle() {
        return messages.get("report.title");
    }

    @Override
    protected void renderBody() {
        startSection(getTitle());
        if (data.isEmpty()) {
            noData();
            endSection();
            return;
        }
        paragraph(messages.get("report.intro", crossDirectory));
        if (data.classifiers().size() > 1) {
            overview();
        }
        for (ClassifierReport report : data.classifiers()) {
            classifier(report);
        }
        endSection();
    }

    private void noData() {
        startSection(messages.get("nodata.title"), "no-data");
        paragraph(messages.get("nodata.text", crossDirectory));
        paragraph(messages.get("nodata.howto"));
        verbatimText(messages.get("nodata.command.same"));
        paragraph(messages.get("nodata.howto.later"));
        verbatimText(messages.get("nodata.command.later") + "\n" + messages.get("nodata.command.site"));
        paragraph(messages.get("nodata.several"));
        endSection();
    }

    private void overview() {
        startSection(messages.get("overview.title"), "host-machines");
        tables.start(messages.get("overview.classifier"), messages.get("overview.host"), messages.get("overview.toolchain"),
                messages.get("overview.doctor"), messages.get("overview.outputs"), messages.get("overview.tests"));
        for (ClassifierReport report : data.classifiers()) {
            tables.rowStart();
            tables.linkCell(report.classifier(), "#" + anchor(report));
            tables.cell(report.setup().map(s -> s.host().toString()).orElse(null));
            tables.cell(report.setup().flatMap(CrossReportRenderer::firstCompiler).orElse(null));
            Optional<Diagnosis> doctor = report.setup().flatMap(SetupSummary::doctor);
            if (doctor.isPresent()) {
                tables.statusCell(messages.get(doctor.get().ready() ? "doctor.status.OK" : "doctor.status.ERROR"),
                        doctor.get().ready() ? ReportTables.Tone.OK : ReportTables.Tone.ERROR);
            } else {
                tables.cell(null);
            }
            tables.cell(report.outputs().map(o -> Integer.toString(o.size())).orElse(null));
            tables.cell(report.tests().isEmpty() ? null : testSummary(report.tests()));
            tables.rowEnd();
        }
        tables.end();
        endSection();
    }

    private void classifier(ClassifierReport report) {
        classifier = report.classifier();
        startSection(messages.get("classifier.title", report.classifier()), anchor(report));
        if (!report.problems().isEmpty()) {
            part("classifier.problems");
            sink.list();
            for (String problem : report.problems()) {
                sink.listItem();
                text(problem);
                sink.listItem_();
            }
            sink.list_();
            endSection();
        }
        if (report.setup().isPresent()) {
            SetupSummary setup = report.setup().get();
            machines(setup);
            machineFiles(setup);
            toolchain(setup);
            doctor(setup);
            checks(setup);
        } else {
            paragraph(messages.get("classifier.nosetup"));
        }
        outputs(report);
        tests(report);
        endSection();
    }

    private void machines(SetupSummary setup) {
        part("machines.title");
        tables.start(messages.get("machines.role"), messages.get("machines.system"), messages.get("machines.cpuFamily"),
                messages.get("machines.cpu"), messages.get("machines.endian"), messages.get("machines.bits"));
        machineRow("machines.role.build", setup.build());
        machineRow("machines.role.host", setup.host());
        machineRow("machines.role.target", setup.target());
        tables.end();
        tables.start(messages.get("machines.crossBuild"), messages.get("machines.canRun"),
                messages.get("machines.exeWrapper"), messages.get("machines.needsExeWrapper"));
        tables.rowStart();
        tables.cell(messages.yesNo(setup.crossBuild()));
        tables.statusCell(canRun(setup), setup.canRunHostBinaries() ? ReportTables.Tone.OK : ReportTables.Tone.WARNING);
        tables.codeCell(setup.exeWrapper().map(CrossReportRenderer::command).orElse(messages.get("machines.exeWrapper.none")));
        tables.cell(messages.yesNo(setup.needsExeWrapper()));
        tables.rowEnd();
        tables.end();
        endSection();
    }

    private void machineRow(String role, Machine machine) {
        tables.row(messages.get(role), machine.system(), machine.cpuFamily(), machine.cpu(), machine.endian().mesonName(),
                messages.get("machines.bits.value", machine.is64Bit() ? 1 : 0));
    }

    private String canRun(SetupSummary setup) {
        if (!setup.canRunHostBinaries()) {
            return messages.get("machines.canRun.no");
        }
        return messages.get(setup.crossBuild() && setup.exeWrapper().isPresent() && setup.needsExeWrapper()
                ? "machines.canRun.wrapper" : "machines.canRun.direct");
    }

    private void machineFiles(SetupSummary setup) {
        part("files.title");
        if (setup.crossFiles().isEmpty()) {
            paragraph(messages.get("files.none"));
        }
        layers(setup.crossFiles(), "cross-file");
        part("files.properties");
        if (setup.properties().isEmpty()) {
            paragraph(messages.get("files.properties.none"));
        } else {
            tables.start(messages.get("files.key"), messages.get("files.value"));
            setup.properties().forEach((key, value) -> {
                tables.rowStart();
                tables.cell(key);
                tables.codeCell(value);
                tables.rowEnd();
            });
            tables.end();
        }
        endSection();
        if (!setup.nativeFiles().isEmpty()) {
            part("files.native.title");
            layers(setup.nativeFiles(), "native-file");
            endSection();
        }
        if (!setup.warnings().isEmpty()) {
            part("files.warnings");
            sink.list();
            for (String warning : setup.warnings()) {
                sink.listItem();
                tables.status(messages.get("doctor.status.WARNING"), ReportTables.Tone.WARNING);
                text(" " + warning);
                sink.listItem_();
            }
            sink.list_();
            endSection();
        }
        endSection();
    }

    private void layers(List<MachineFileLayer> layers, String anchor) {
        boolean recorded = layers.stream().anyMatch(layer -> !layer.settings().isEmpty());
        for (int i = 0; i < layers.size(); i++) {
            MachineFileLayer layer = layers.get(i);
            startSection(messages.get("files.layer", i + 1, layer.name()), classifier + "-" + anchor + "-" + (i + 1));
            paragraph(layer.path().map(path -> messages.get("files.path", path))
                    .orElseGet(() -> layer.name().startsWith("preset:") ? messages.get("files.preset") : layer.name()));
            if (!layer.settings().isEmpty()) {
                tables.start(messages.get("files.section"), messages.get("files.key"), messages.get("files.value"),
                        messages.get("files.line"));
                for (MachineFileLayer.Setting setting : layer.settings()) {
                    tables.rowStart();
                    tables.cell("[" + setting.section() + "]");
                    tables.cell(setting.key());
                    tables.codeCell(setting.value());
                    tables.cell(Integer.toString(setting.line()));
                    tables.rowEnd();
                }
                tables.end();
            } else {
                paragraph(messages.get(recorded ? "files.nosettings" : "files.unknownsettings"));
            }
            endSection();
        }
    }

    private void toolchain(SetupSummary setup) {
        part("toolchain.title");
        if (setup.toolchain().isEmpty()) {
            paragraph(messages.get("toolchain.none"));
        } else {
            tables.start(messages.get("toolchain.tool"), messages.get("toolchain.argv"), messages.get("toolchain.id"),
                    messages.get("toolchain.version"), messages.get("toolchain.triple"), messages.get("toolchain.origin"));
            for (ToolSummary tool : setup.toolchain()) {
                tables.rowStart();
                tables.cell(tool.name());
                tables.codeCell(command(tool.argv()));
                tables.cell(tool.id().orElse(null));
                tables.cell(tool.version().orElse(null));
                tables.codeCell(tool.triple().orElse(null));
                tables.cell(tool.origin());
                tables.rowEnd();
            }
            tables.end();
        }
        endSection();
    }

    private void doctor(SetupSummary setup) {
        part("doctor.title");
        if (setup.doctor().isEmpty()) {
            paragraph(messages.get("doctor.none"));
            endSection();
            return;
        }
        Diagnosis diagnosis = setup.doctor().get();
        sink.paragraph();
        tables.status(messages.get(diagnosis.ready() ? "doctor.status.OK" : "doctor.status.ERROR"),
                diagnosis.ready() ? ReportTables.Tone.OK : ReportTables.Tone.ERROR);
        text(" " + messages.get(diagnosis.ready() ? "doctor.ready" : "doctor.notReady"));
        sink.paragraph_();
        tables.start(messages.get("doctor.status"), messages.get("doctor.subject"), messages.get("doctor.detail"),
                messages.get("doctor.remedy"));
        for (Finding finding : diagnosis.findings()) {
            tables.rowStart();
            tables.statusCell(messages.get("doctor.status." + finding.status().name()), tone(finding));
            tables.cell(finding.subject());
            tables.cell(finding.detail());
            tables.cell(finding.remedy()
                    .or(() -> finding.causedBy().map(root -> messages.get("doctor.causedBy", root)))
                    .orElse(null));
            tables.rowEnd();
        }
        tables.end();
        endSection();
    }

    /** A section titled with the text of {@code key}, anchored {@code <classifier>-<key without .title>}. */
    private void part(String key) {
        startSection(messages.get(key), classifier + "-" + key.replace(".title", "").replace('.', '-'));
    }

    private static ReportTables.Tone tone(Finding finding) {
        return switch (finding.status()) {
            case OK -> ReportTables.Tone.OK;
            case WARNING -> ReportTables.Tone.WARNING;
            default -> finding.blocking() ? ReportTables.Tone.ERROR : ReportTables.Tone.WARNING;
        };
    }

    private void checks(SetupSummary setup) {
        part("checks.title");
        if (setup.checks().isEmpty()) {
            paragraph(messages.get("checks.none"));
            endSection();
            return;
        }
        tables.start(messages.get("checks.check"), messages.get("checks.subject"), messages.get("checks.result"),
                messages.get("checks.macro"), messages.get("checks.property"));
        for (CheckRow check : setup.checks()) {
            tables.rowStart();
            tables.cell(messages.get("checks.kind." + check.kind().name()));
            tables.codeCell(check.subject());
            tables.cell(checkResult(check));
            tables.codeCell(check.macro());
            tables.codeCell(check.property());
            tables.rowEnd();
        }
        tables.end();
        endSection();
    }

    private String checkResult(CheckRow check) {
        if (check.value().isPresent()) {
            return check.value().get();
        }
        return switch (check.kind()) {
            case SIZEOF, ALIGNMENT -> messages.get("checks.unknownType");
            case DEFINE -> check.positive() ? "" : messages.get("checks.notDefined");
            default -> messages.yesNo(check.positive());
        };
    }

    private void outputs(ClassifierReport report) {
        part("outputs.title");
        if (report.outputs().isEmpty()) {
            paragraph(messages.get("outputs.none"));
            endSection();
            return;
        }
        List<OutputRow> outputs = report.outputs().get();
        if (outputs.isEmpty()) {
            paragraph(messages.get("outputs.empty"));
            endSection();
            return;
        }
        paragraph(messages.get("outputs.intro", crossDirectory + "/" + report.classifier()));
        tables.start(messages.get("outputs.file"), messages.get("outputs.kind"), messages.get("outputs.size"),
                messages.get("outputs.verified"), messages.get("outputs.stripped"), messages.get("outputs.debugFile"),
                messages.get("outputs.portability"));
        for (OutputRow output : outputs) {
            tables.rowStart();
            tables.linkCell(output.file(), "#" + outputAnchor(report, output));
            tables.cell(kind(output.kind()));
            tables.cell(messages.get("outputs.size.value", output.size()));
            tables.statusCell(verifiedMachine(output.binary()),
                    output.binary().verified() ? ReportTables.Tone.OK : ReportTables.Tone.ERROR);
            tables.cell(messages.yesNo(output.stripped()));
            tables.codeCell(output.debugFile().orElse(null));
            portabilityCell(output);
            tables.rowEnd();
        }
        tables.end();
        for (OutputRow output : outputs) {
            output(report, output);
        }
        endSection();
    }

    private void output(ClassifierReport report, OutputRow output) {
        OutputRow.BinaryFacts binary = output.binary();
        startSection(output.file(), outputAnchor(report, output));
        tables.start(messages.get("outputs.file"), output.file());
        tables.property(messages.get("outputs.target"), output.target());
        tables.property(messages.get("outputs.kind"), kind(output.kind()));
        tables.property(messages.get("outputs.size"), messages.get("outputs.size.value", output.size()));
        tables.codeProperty(messages.get("outputs.sha256"), output.sha256());
        tables.property(messages.get("outputs.format"), binary.format());
        binary.kind().ifPresent(kind -> tables.property(messages.get("outputs.binaryKind"), kind));
        if (binary.members().isPresent()) {
            tables.property(messages.get("outputs.members"), binary.members().get().toString());
            tables.property(messages.get("outputs.memberKinds"), String.join(", ", binary.memberKinds()));
        } else {
            tables.codeProperty(messages.get("outputs.machine"), binary.machine().orElse(null));
            tables.property(messages.get("outputs.cpuFamily"), binary.cpuFamily().orElse(null));
            tables.property(messages.get("outputs.class"),
                    binary.bits().map(bits -> messages.get("outputs.class.value", bits)).orElse(null));
            tables.property(messages.get("outputs.endianness"), binary.endian().orElse(null));
            tables.property(messages.get("outputs.floatAbi"), binary.floatAbi().orElse(null));
            tables.codeProperty(messages.get("outputs.soname"), binary.soname().orElse(null));
            tables.codeProperty(messages.get("outputs.needed"), String.join(", ", binary.needed()));
            tables.property(messages.get("outputs.maxGlibc"), binary.maxGlibc().orElse(null));
        }
        tables.property(messages.get("outputs.stripped"), messages.yesNo(output.stripped()));
        tables.codeProperty(messages.get("outputs.debugFile"), output.debugFile().orElse(null));
        output.importLibrary().ifPresent(library -> tables.codeProperty(messages.get("outputs.importLibrary"), library));
        output.portability().ifPresent(portability -> {
            tables.rowStart();
            tables.cell(messages.get("outputs.portability"));
            portabilityCell(output);
            tables.rowEnd();
            List<String> limits = Stream.of(portability.maxGlibc().map(v -> "maxGlibc " + v),
                    portability.maxGlibcxx().map(v -> "maxGlibcxx " + v)).flatMap(Optional::stream).toList();
            tables.property(messages.get("outputs.portability.limits"),
                    limits.isEmpty() ? messages.get("outputs.portability.noLimits") : String.join(", ", limits));
            if (!portability.allowedLibraries().isEmpty()) {
                tables.codeProperty(messages.get("outputs.portability.allowed"),
                        String.join(", ", portability.allowedLibraries()));
            }
            if (!portability.problems().isEmpty()) {
                tables.rowStart();
                tables.cell(messages.get("outputs.portability.problemList"));
                tables.textLinesCell(portability.problems().stream().map(OutputRow.Problem::detail).toList());
                tables.rowEnd();
                tables.rowStart();
                tables.cell(messages.get("outputs.portability.remedies"));
                tables.textLinesCell(portability.problems().stream().map(OutputRow.Problem::remedy).distinct()
                        .toList());
                tables.rowEnd();
            }
        });
        tables.rowStart();
        tables.cell(messages.get("outputs.verifiedFor"));
        String host = binary.verifiedFor().orElse("?");
        tables.statusCell(messages.get(binary.verified() ? "outputs.verifiedFor.ok" : "outputs.verifiedFor.failed", host),
                binary.verified() ? ReportTables.Tone.OK : ReportTables.Tone.ERROR);
        tables.rowEnd();
        if (!binary.mismatches().isEmpty()) {
            tables.rowStart();
            tables.cell(messages.get("outputs.mismatches"));
            tables.linesCell(binary.mismatches());
            tables.rowEnd();
        }
        tables.end();
        endSection();
    }

    /** {@code no problems} (ok), {@code 2 problems} (a warning), or a dash when the gate did not check the output. */
    private void portabilityCell(OutputRow output) {
        if (output.portability().isEmpty()) {
            tables.cell(null);
            return;
        }
        int problems = output.portability().get().problems().size();
        tables.statusCell(problems == 0 ? messages.get("outputs.portability.ok")
                : messages.get("outputs.portability.problems", problems),
                problems == 0 ? ReportTables.Tone.OK : ReportTables.Tone.WARNING);
    }

    /** {@code EM_AARCH64 (aarch64, 64-bit, little)}; for archives the host they were checked against. */
    private String verifiedMachine(OutputRow.BinaryFacts binary) {
        if (binary.machine().isEmpty()) {
            return binary.verifiedFor().orElse(binary.format());
        }
        StringBuilder text = new StringBuilder(binary.machine().get());
        String details = Stream.of(binary.cpuFamily(), binary.bits().map(b -> messages.get("outputs.class.value", b)),
                        binary.endian(), binary.floatAbi())
                .flatMap(Optional::stream).collect(Collectors.joining(", "));
        if (!details.isEmpty()) {
            text.append(" (").append(details).append(')');
        }
        return text.toString();
    }

    private String kind(String kind) {
        String key = "outputs.kind." + kind;
        try {
            return messages.get(key);
        } catch (IllegalStateException unknownKind) {
            return kind;
        }
    }

    private void tests(ClassifierReport report) {
        part("tests.title");
        if (report.tests().isEmpty()) {
            paragraph(messages.get("tests.none", report.classifier(), testReportsDirectory));
            endSection();
            return;
        }
        tables.start(messages.get("tests.suite"), messages.get("tests.tests"), messages.get("tests.passed"),
                messages.get("tests.failures"), messages.get("tests.errors"), messages.get("tests.skipped"),
                messages.get("tests.time"));
        for (TestSuiteResult suite : report.tests()) {
            tables.rowStart();
            tables.codeCell(suite.name());
            tables.cell(Integer.toString(suite.tests()));
            tables.statusCell(Integer.toString(suite.passed()), ReportTables.Tone.OK);
            tables.statusCell(Integer.toString(suite.failures()),
                    suite.failures() > 0 ? ReportTables.Tone.ERROR : ReportTables.Tone.NEUTRAL);
            tables.statusCell(Integer.toString(suite.errors()),
                    suite.errors() > 0 ? ReportTables.Tone.ERROR : ReportTables.Tone.NEUTRAL);
            tables.statusCell(Integer.toString(suite.skipped()),
                    suite.skipped() > 0 ? ReportTables.Tone.WARNING : ReportTables.Tone.NEUTRAL);
            tables.cell(messages.get("tests.time.value", suite.seconds()));
            tables.rowEnd();
        }
        tables.end();
        tables.start(messages.get("tests.case"), messages.get("tests.result"), messages.get("tests.time"),
                messages.get("tests.message"));
        for (TestSuiteResult suite : report.tests()) {
            for (TestSuiteResult.TestCase test : suite.cases()) {
                tables.rowStart();
                tables.codeCell(test.name());
                tables.statusCell(messages.get("tests.outcome." + test.outcome().name()), tone(test.outcome()));
                tables.cell(messages.get("tests.time.value", test.seconds()));
                tables.cell(test.message().orElse(null));
                tables.rowEnd();
            }
        }
        tables.end();
        endSection();
    }

    private static ReportTables.Tone tone(TestSuiteResult.TestCase.Outcome outcome) {
        return switch (outcome) {
            case PASSED -> ReportTables.Tone.OK;
            case SKIPPED -> ReportTables.Tone.WARNING;
            default -> ReportTables.Tone.ERROR;
        };
    }

    private String testSummary(List<TestSuiteResult> suites) {
        int tests = suites.stream().mapToInt(TestSuiteResult::tests).sum();
        int passed = suites.stream().mapToInt(TestSuiteResult::passed).sum();
        return passed + " / " + tests;
    }

    private static Optional<String> firstCompiler(SetupSummary setup) {
        return setup.toolchain().stream().filter(ToolSummary::isCompiler).findFirst()
                .map(tool -> tool.id().orElse("") + " " + tool.version().orElse("") + " (" + tool.triple().orElse("") + ")");
    }

    /** An argv shown as one line; arguments with spaces in single quotes (display only, never run). */
    private static String command(List<String> argv) {
        return argv.stream().map(arg -> arg.isEmpty() || arg.matches(".*[\\s'\"].*") ? "'" + arg.replace("'", "'\\''") + "'" : arg)
                .collect(Collectors.joining(" "));
    }

    private static String anchor(ClassifierReport report) {
        return "classifier-" + report.classifier();
    }

    private static String outputAnchor(ClassifierReport report, OutputRow output) {
        return report.classifier() + "-" + output.file().replaceAll("[^A-Za-z0-9_.-]", "-");
    }
}
