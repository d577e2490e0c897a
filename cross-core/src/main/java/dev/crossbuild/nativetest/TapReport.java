package dev.crossbuild.nativetest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a program wrote in the Test Anything Protocol (TAP 12 to 14, as Meson and {@code prove} read it): the plan
 * ({@code 1..N}, first or last; {@code 1..0 # SKIP why} skips the whole program), one {@link Line} per
 * {@code ok}/{@code not ok} line with its number, description and {@code # SKIP}/{@code # TODO} directive, a
 * {@code Bail out!}, and the problems that make the run a failure whatever its lines say (no plan, a plan that does
 * not match the lines, numbers out of order). Diagnostics ({@code # ...}) and indented lines (YAML blocks, subtests)
 * belong to the test line before them; anything else is ignored. Carriage returns before line ends (Windows programs
 * under Wine) are dropped.
 */
public record TapReport(Optional<Plan> plan, List<Line> lines, Optional<String> bailOut, List<String> problems) {

    /** {@code 1..count}, with the reason of {@code 1..0 # SKIP reason}. */
    public record Plan(int count, Optional<String> skipReason) {
    }

    public enum Directive { NONE, SKIP, TODO }

    /**
     * One test line: {@code ok 3 - adds # SKIP no adder}. {@code diagnostics} are the lines that follow it up to the
     * next test line (comments, a YAML block), without their line ends' carriage returns.
     */
    public record Line(int number, boolean ok, String description, Directive directive, String reason,
                       String text, String diagnostics) {

        public Line {
            Objects.requireNonNull(description, "description");
            Objects.requireNonNull(directive, "directive");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(diagnostics, "diagnostics");
        }

        /** The test case's name: {@code 3 - adds}, or {@code 3} without a description. */
        public String caseName() {
            return description.isEmpty() ? String.valueOf(number) : number + " - " + description;
        }

        /** How the line counts: {@code not ok} fails, {@code # SKIP} and {@code not ok # TODO} skip, others pass. */
        public TestStatus status() {
            return switch (directive) {
                case SKIP -> TestStatus.SKIPPED;
                case TODO -> ok ? TestStatus.PASSED : TestStatus.SKIPPED;
                case NONE -> ok ? TestStatus.PASSED : TestStatus.FAILED;
            };
        }

        Line withDiagnostics(String more) {
            return new Line(number, ok, description, directive, reason, text, diagnostics + more + "\n");
        }
    }

    public TapReport {
        Objects.requireNonNull(plan, "plan");
        lines = List.copyOf(lines);
        Objects.requireNonNull(bailOut, "bailOut");
        problems = List.copyOf(problems);
    }

    private static final Pattern PLAN = Pattern.compile("1\\.\\.(\\d+)\\s*(?:#\\s*(.*))?");
    private static final Pattern TEST = Pattern.compile("(not )?ok\\b\\s*(\\d+)?\\s*(.*)");
    private static final Pattern DIRECTIVE = Pattern.compile("(?i)(skip\\S*|todo\\S*)\\s*(.*)");
    private static final Pattern BAIL_OUT = Pattern.compile("Bail out!\\s*(.*)");

    /** Reads {@code output} (a program's standard output). */
    public static TapReport parse(String output) {
        Optional<Plan> plan = Optional.empty();
        int planAfter = -1;
        List<Line> lines = new ArrayList<>();
        Optional<String> bailOut = Optional.empty();
        List<String> problems = new ArrayList<>();
        for (String raw : output.split("\n", -1)) {
            String line = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
            if (bailOut.isPresent()) {
                break;
            }
            if ((!line.isEmpty() && Character.isWhitespace(line.charAt(0))) || line.startsWith("#")) {
                if (!lines.isEmpty()) {
                    lines.set(lines.size() - 1, lines.get(lines.size() - 1).withDiagnostics(line));
                }
                continue;
            }
            Matcher m;
            if ((m = PLAN.matcher(line)).matches()) {
                if (plan.isPresent()) {
                    problems.add("a second plan '" + line + "'");
                    continue;
                }
                int count = parseCount(m.group(1));
                Optional<String> skip = Optional.empty();
                String comment = m.group(2) == null ? "" : m.group(2);
                if (count == 0 && comment.toLowerCase(Locale.ROOT).startsWith("skip")) {
                    skip = Optional.of(comment.replaceFirst("(?i)^skip\\S*\\s*", ""));
                }
                plan = Optional.of(new Plan(count, skip));
                planAfter = lines.size();
            } else if ((m = TEST.matcher(line)).matches()) {
                int expected = lines.size() + 1;
                int number = m.group(2) == null ? expected : parseCount(m.group(2));
                if (number != expected) {
                    problems.add("test " + number + " where test " + expected + " was due ('" + line + "')");
                }
                lines.add(testLine(m.group(1) == null, number, m.group(3), line));
            } else if ((m = BAIL_OUT.matcher(line)).matches()) {
                bailOut = Optional.of(m.group(1));
            }
        }
        if (bailOut.isPresent()) {
            problems.add(0, "Bail out!" + (bailOut.get().isEmpty() ? "" : " " + bailOut.get()));
        } else if (plan.isEmpty()) {
            problems.add(0, "no TAP plan (a line 1.." + lines.size() + ")");
        } else {
            if (planAfter != 0 && planAfter != lines.size()) {
                problems.add(0, "the plan comes after test " + planAfter + " of " + lines.size()
                        + "; it must come first or last");
            }
            if (plan.get().count() != lines.size()) {
                problems.add(0, "the plan is 1.." + plan.get().count() + " but " + lines.size()
                        + (lines.size() == 1 ? " test ran" : " tests ran"));
            }
        }
        return new TapReport(plan, lines, bailOut, problems);
    }

    /** The whole program skipped itself: {@code 1..0 # SKIP why}, no test lines and nothing wrong. */
    public boolean skippedAll() {
        return plan.flatMap(Plan::skipReason).isPresent() && lines.isEmpty() && problems.isEmpty();
    }

    private static Line testLine(boolean ok, int number, String rest, String text) {
        String description = rest;
        Directive directive = Directive.NONE;
        String reason = "";
        int hash = unescapedHash(rest);
        if (hash >= 0) {
            description = rest.substring(0, hash);
            Matcher m = DIRECTIVE.matcher(rest.substring(hash + 1).strip());
            if (m.matches()) {
                directive = m.group(1).toLowerCase(Locale.ROOT).startsWith("skip") ? Directive.SKIP : Directive.TODO;
                reason = m.group(2).strip();
            } else {
                description = rest; // a '#' that starts no directive is part of the description
            }
        }
        description = description.strip();
        if (description.startsWith("- ") || description.equals("-")) {
            description = description.substring(1).strip();
        }
        return new Line(number, ok, description.replace("\\#", "#"), directive, reason, text, "");
    }

    private static int unescapedHash(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\\') {
                i++;
            } else if (text.charAt(i) == '#') {
                return i;
            }
        }
        return -1;
    }

    private static int parseCount(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return Integer.MAX_VALUE; // more digits than any real plan: a mismatch, reported as such
        }
    }
}
