package dev.crossbuild.checks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a failed check compile or link said, in terms of the generated source: the lines of it that errors point
 * at (directly, or through the {@code #include} an error in a header came from), whether any error could not be
 * pinned on a line of it, and which symbols the linker found undefined. Reads the output of gcc, clang, GNU ld,
 * lld and ld64 as they print it with {@code LC_ALL=C}.
 */
record CheckDiagnostics(Set<Integer> errorLines, boolean unattributedErrors, Set<String> undefinedSymbols,
                        List<String> errorMessages) {

    private static final Pattern ANSI_ESCAPE = Pattern.compile("\u001B\\[[0-9;]*[A-Za-z]");
    private static final Pattern INCLUDED_FROM = Pattern.compile("^In file included from (.+?):(\\d+)(?::\\d+)?[:,]$");
    private static final Pattern FROM = Pattern.compile("^\\s+from (.+?):(\\d+)(?::\\d+)?[:,]$");
    private static final Pattern DIAGNOSTIC =
            Pattern.compile("^(.+?):(\\d+):(?:\\d+:)? (fatal error|error|warning|note|remark): .*$");
    private static final Pattern OTHER_ERROR = Pattern.compile("\\berror:");
    private static final List<Pattern> UNDEFINED = List.of(
            Pattern.compile("undefined reference to [`'\u2018]([^`'\u2018\u2019]+)['\u2019]"), // GNU ld, mingw ld
            Pattern.compile("undefined symbol: ([A-Za-z_][A-Za-z0-9_]*)"),                     // lld
            Pattern.compile("\"_([A-Za-z_][A-Za-z0-9_]*)\", referenced from:"));               // ld64

    CheckDiagnostics {
        errorLines = Collections.unmodifiableSet(new LinkedHashSet<>(errorLines));
        undefinedSymbols = Collections.unmodifiableSet(new LinkedHashSet<>(undefinedSymbols));
        errorMessages = List.copyOf(errorMessages);
    }

    /** Parses {@code stderr} of a run whose source file was named {@code sourceName} on the command line. */
    static CheckDiagnostics parse(String stderr, String sourceName) {
        Set<Integer> lines = new LinkedHashSet<>();
        Set<String> undefined = new LinkedHashSet<>();
        List<String> messages = new ArrayList<>();
        boolean unattributed = false;
        boolean inChain = false;
        Integer chainLine = null;     // our line whose #include the current include chain started from
        String chainTarget = null;    // the header the chain led into, where later errors without a chain still are
        for (String raw : stderr.split("\r?\n")) {
            String line = ANSI_ESCAPE.matcher(raw).replaceAll("");
            Matcher m;
            if ((m = INCLUDED_FROM.matcher(line)).matches()) {
                if (!inChain) {
                    chainLine = null;
                    chainTarget = null;
                }
                inChain = true;
                if (isSource(m.group(1), sourceName)) {
                    chainLine = Integer.parseInt(m.group(2));
                }
            } else if ((m = FROM.matcher(line)).matches()) {
                if (isSource(m.group(1), sourceName)) {
                    chainLine = Integer.parseInt(m.group(2));
                }
            } else if ((m = DIAGNOSTIC.matcher(line)).matches()) {
                String file = m.group(1);
                if (inChain) {
                    chainTarget = file;
                    inChain = false;
                }
                if (m.group(3).endsWith("error")) {
                    messages.add(line);
                    if (isSource(file, sourceName)) {
                        lines.add(Integer.parseInt(m.group(2)));
                    } else if (chainLine != null && file.equals(chainTarget)) {
                        lines.add(chainLine);
                    } else {
                        unattributed = true;
                    }
                }
            } else if (OTHER_ERROR.matcher(line).find()) {
                messages.add(line);
                unattributed = true;
            }
            for (Pattern pattern : UNDEFINED) {
                Matcher symbol = pattern.matcher(line);
                while (symbol.find()) {
                    undefined.add(symbol.group(1));
                }
            }
        }
        return new CheckDiagnostics(lines, unattributed, undefined, messages);
    }

    private static boolean isSource(String file, String sourceName) {
        return file.equals(sourceName) || file.endsWith("/" + sourceName) || file.endsWith("\\" + sourceName);
    }
}
