package dev.crossbuild.toolchain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Everything the doctor found, root causes first. */
public record Diagnosis(List<Finding> findings) {

    public Diagnosis {
        findings = List.copyOf(findings);
    }

    /** True when no finding blocks the build. */
    public boolean ready() {
        return findings.stream().noneMatch(Finding::blocking);
    }

    public List<Finding> blockingFindings() {
        return findings.stream().filter(Finding::blocking).toList();
    }

    /** The problems that do not block the build. */
    public List<Finding> warnings() {
        return findings.stream().filter(f -> !f.blocking() && !f.isOk()).toList();
    }

    /**
     * One line per finding, {@code [STATUS]} padded to one width, then {@code subject: detail}, then
     * {@code -> remedy} or, for a consequence, {@code (follows from: <root subject>)}; and a last summary line.
     */
    public List<String> render() {
        List<String> lines = new ArrayList<>();
        for (Finding finding : findings) {
            StringBuilder line = new StringBuilder(String.format("%-10s%s: %s", "[" + finding.status() + "]",
                    finding.subject(), finding.detail()));
            finding.remedy().ifPresent(remedy -> line.append(" -> ").append(remedy));
            finding.causedBy().ifPresent(root -> line.append(" (follows from: ").append(subjectOf(root)).append(')'));
            lines.add(line.toString());
        }
        lines.add(summary());
        return lines;
    }

    private String subjectOf(String id) {
        return findings.stream().filter(f -> f.id().equals(id)).map(Finding::subject).findFirst().orElse(id);
    }

    private String summary() {
        long blocking = findings.stream().filter(Finding::blocking).count();
        long roots = findings.stream().filter(f -> f.blocking() && f.causedBy().isEmpty()).count();
        long warnings = warnings().size();
        String notes = warnings == 0 ? "" : " (" + warnings + (warnings == 1 ? " warning" : " warnings") + ")";
        if (blocking == 0) {
            return "Ready to build" + notes + ".";
        }
        return "Not ready: " + blocking + (blocking == 1 ? " blocking problem" : " blocking problems") + " from "
                + roots + (roots == 1 ? " root cause" : " root causes") + notes + "; fix the ones with a remedy (->).";
    }

    /** {@code {"ready": ..., "findings": [...]}} for setup.json and {@code doctor --json}. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ready", ready());
        json.put("findings", findings.stream().map(Finding::toJson).toList());
        return json;
    }
}
