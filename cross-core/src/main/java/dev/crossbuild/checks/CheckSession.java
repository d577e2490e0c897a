package dev.crossbuild.checks;

import dev.crossbuild.checks.CheckProbe.Kind;
import dev.crossbuild.checks.CheckSources.Include;
import dev.crossbuild.checks.CheckSources.IncludeMode;
import dev.crossbuild.exec.Command;
import dev.crossbuild.exec.ProcessResult;
import dev.crossbuild.exec.ProcessRunner;
import dev.crossbuild.io.Folders;
import dev.crossbuild.toolchain.Compiler;
import dev.crossbuild.toolchain.CompilerId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Answers one {@link CheckRequest} with one compiler, counting every compiler and linker run.
 *
 * <p>Plan: one {@code -c} compile of the probe program answers all sizes, alignments, headers (with
 * {@code __has_include}) and defines, and the preprocessor half of {@code has_function} (glibc stubs,
 * {@code __has_builtin}); one link of all functions answers the rest. When a compile fails because of some probes
 * (a type that does not exist, a header that cannot be included on its own), the errors point at their lines; those
 * probes are dropped and the rest compiled again, so a missing type costs one extra run, not one run per type. When
 * a link fails on undefined functions, the link is repeated without them, which confirms both the others and that
 * the linker works. Errors that cannot be pinned on a probe lead to the slow path: an empty program first (if even
 * that fails, the compiler is broken: {@link CheckException}), then one run per include and per probe.
 */
final class CheckSession {

    /** Headers CMake's check_type_size includes when they exist; {@code limits.h} brings glibc's stub macros. */
    private static final List<String> COMMON_HEADERS = List.of("stddef.h", "stdint.h");
    private static final List<String> OPTIONAL_HEADERS = List.of("sys/types.h");

    private final ProcessRunner runner;
    private final Compiler compiler;
    private final List<String> compilerArgs;
    private final List<String> linkArgs;
    private final Path directory;
    private final String stem;
    private final String extension;
    private int runs;

    CheckSession(ProcessRunner runner, Compiler compiler, List<String> compilerArgs, List<String> linkArgs,
                 Path directory) {
        this.runner = runner;
        this.compiler = compiler;
        this.compilerArgs = List.copyOf(compilerArgs);
        this.linkArgs = List.copyOf(linkArgs);
        this.directory = directory.toAbsolutePath();
        this.stem = "cross-checks-" + compiler.language().binaryKey();
        this.extension = "." + compiler.language().sourceSuffix();
    }

    int runs() {
        return runs;
    }

    CheckResults run(CheckRequest request) throws CheckException {
        Map<String, Integer> sizeof = new LinkedHashMap<>();
        Map<String, Integer> alignment = new LinkedHashMap<>();
        Map<String, Boolean> headers = new LinkedHashMap<>();
        Map<String, Boolean> functions = new LinkedHashMap<>();
        Map<String, Optional<String>> defines = new LinkedHashMap<>();
        if (!request.isEmpty()) {
            Probed probed = probe(request);
            for (int i = 0; i < request.sizeof().size(); i++) {
                sizeof.put(request.sizeof().get(i), probed.number(new CheckProbe(Kind.SIZEOF, i, request.sizeof().get(i))));
            }
            for (int i = 0; i < request.alignment().size(); i++) {
                alignment.put(request.alignment().get(i),
                        probed.number(new CheckProbe(Kind.ALIGNMENT, i, request.alignment().get(i))));
            }
            headers.putAll(probed.headers);
            for (int i = 0; i < request.defines().size(); i++) {
                defines.put(request.defines().get(i), probed.define(new CheckProbe(Kind.DEFINE, i, request.defines().get(i))));
            }
            functions.putAll(linkFunctions(request.functions(), probed));
        }
        return new CheckResults(sizeof, alignment, headers, functions, defines, runs, Optional.of(compiler.id()));
    }

    // ---------------------------------------------------------------- the probe program

    private Probed probe(CheckRequest request) throws CheckException {
        List<Include> includes = new ArrayList<>();
        Map<String, Integer> includeIndex = new HashMap<>();
        for (String header : COMMON_HEADERS) {
            addInclude(includes, includeIndex, header, IncludeMode.PROBE_OR_INCLUDE);
        }
        for (String header : OPTIONAL_HEADERS) {
            addInclude(includes, includeIndex, header, IncludeMode.PROBE);
        }
        if (!request.functions().isEmpty()) {
            addInclude(includes, includeIndex, "limits.h", IncludeMode.PROBE_OR_INCLUDE);
        }
        for (String header : request.headers()) {
            addInclude(includes, includeIndex, header, IncludeMode.PROBE);
        }
        List<CheckProbe> probes = new ArrayList<>();
        addProbes(probes, Kind.SIZEOF, request.sizeof());
        addProbes(probes, Kind.ALIGNMENT, request.alignment());
        addProbes(probes, Kind.DEFINE, request.defines());
        addProbes(probes, Kind.FUNCTION, request.functions());

        Compiled compiled = compileAll(includes, probes);
        if ("0".equals(compiled.markers.get("has_include:0"))) {
            // A compiler without __has_include (gcc < 5): find the headers with the preprocessor, one run each, as
            // Meson does, then compile again with them included.
            boolean changed = false;
            for (String header : request.headers()) {
                int index = includeIndex.get(header);
                if (!compiled.markers.containsKey("header:" + index)) {
                    boolean present = preprocesses(new CheckProbe(Kind.INCLUDE, index, header));
                    includes.set(index, new Include(header, present ? IncludeMode.PRESENT : IncludeMode.ABSENT, present));
                    changed = true;
                }
            }
            if (changed) {
                compiled = compileAll(includes, probes);
            }
        }
        Map<String, Boolean> headers = new LinkedHashMap<>();
        for (String header : request.headers()) {
            String marker = compiled.markers.get("header:" + includeIndex.get(header));
            if (marker == null) {
                throw unreadable("no answer for the header " + header, compiled);
            }
            headers.put(header, "1".equals(marker));
        }
        return new Probed(compiled, headers);
    }

    private static void addInclude(List<Include> includes, Map<String, Integer> index, String header, IncludeMode mode) {
        if (!index.containsKey(header)) {
            index.put(header, includes.size());
            includes.add(new Include(header, mode, true));
        }
    }

    private static void addProbes(List<CheckProbe> probes, Kind kind, List<String> subjects) {
        for (int i = 0; i < subjects.size(); i++) {
            probes.add(new CheckProbe(kind, i, subjects.get(i)));
        }
    }

    /** Compiles the probe program, dropping the probes errors point at, until it compiles. */
    private Compiled compileAll(List<Include> includes, List<CheckProbe> probes) throws CheckException {
        List<Include> current = new ArrayList<>(includes);
        List<CheckProbe> active = new ArrayList<>(probes);
        Set<CheckProbe> failed = new LinkedHashSet<>();
        Optional<Outcome> lastFailure = Optional.empty();
        while (true) {
            CheckProgram program = CheckSources.probes(current, active);
            Outcome outcome = compile(program);
            if (outcome.result.succeeded()) {
                return new Compiled(markers(outcome), failed, outcome, lastFailure);
            }
            lastFailure = Optional.of(outcome);
            CheckDiagnostics diagnostics = CheckDiagnostics.parse(outcome.result.stderr(), outcome.sourceName());
            Set<CheckProbe> culprits = culprits(program, diagnostics);
            if (diagnostics.unattributedErrors() || culprits.isEmpty()) {
                return compileOneByOne(includes, probes, outcome);
            }
            for (CheckProbe culprit : culprits) {
                if (culprit.kind() == Kind.INCLUDE) {
                    current.set(culprit.index(), current.get(culprit.index()).withoutInclude());
                } else {
                    active.remove(culprit);
                    failed.add(culprit);
                }
            }
        }
    }

    /** The probes owning the error lines; empty when any error line belongs to no probe. */
    private static Set<CheckProbe> culprits(CheckProgram program, CheckDiagnostics diagnostics) {
        Set<CheckProbe> culprits = new LinkedHashSet<>();
        for (int line : diagnostics.errorLines()) {
            Optional<CheckProbe> owner = program.owner(line);
            if (owner.isEmpty()) {
                return Set.of();
            }
            culprits.add(owner.get());
        }
        return culprits;
    }

    /**
     * The slow path, for errors that name no probe: an empty program must compile (else the compiler is broken),
     * then each include is added one at a time, then each probe is compiled on its own.
     */
    private Compiled compileOneByOne(List<Include> includes, List<CheckProbe> probes, Outcome batch)
            throws CheckException {
        List<Include> current = new ArrayList<>();
        for (Include include : includes) {
            current.add(include.withoutInclude());
        }
        Outcome sanity = compile(CheckSources.probes(current, List.of()));
        if (!sanity.result.succeeded()) {
            throw broken("cannot compile an empty check program, so no compiler check can be answered", sanity);
        }
        Map<String, String> markers = new LinkedHashMap<>(markers(sanity));
        for (int i = 0; i < includes.size(); i++) {
            if (!includes.get(i).included()) {
                continue;
            }
            current.set(i, includes.get(i));
            Outcome outcome = compile(CheckSources.probes(current, List.of()));
            if (outcome.result.succeeded()) {
                markers.putAll(markers(outcome));
            } else {
                current.set(i, includes.get(i).withoutInclude());
            }
        }
        Set<CheckProbe> failed = new LinkedHashSet<>();
        Outcome failure = batch;
        for (CheckProbe probe : probes) {
            Outcome outcome = compile(CheckSources.probes(current, List.of(probe)));
            if (outcome.result.succeeded()) {
                markers.putAll(markers(outcome));
            } else {
                failed.add(probe);
                failure = outcome;
            }
        }
        return new Compiled(markers, failed, sanity, Optional.of(failure));
    }

    private boolean preprocesses(CheckProbe header) throws CheckException {
        Path source = write("-header" + extension, CheckSources.headerPreprocess(header));
        List<String> argv = new ArrayList<>(compiler.argvWithoutLauncher());
        argv.addAll(compilerArgs);
        argv.addAll(List.of("-E", source.toString(), "-o", directory.resolve(stem + "-header.i").toString()));
        return execute(argv).succeeded();
    }

    // ---------------------------------------------------------------- has_function: linking

    private Map<String, Boolean> linkFunctions(List<String> functions, Probed probed) throws CheckException {
        Map<String, Boolean> linked = new HashMap<>();
        List<CheckProbe> active = new ArrayList<>();
        for (int i = 0; i < functions.size(); i++) {
            CheckProbe probe = new CheckProbe(Kind.FUNCTION, i, functions.get(i));
            if (probed.isStub(probe)) {
                linked.put(probe.subject(), false); // glibc's ENOSYS stub: links, but does not work
            } else {
                active.add(probe);
            }
        }
        if (!active.isEmpty()) {
            linkAll(active, linked);
        }
        Map<String, Boolean> results = new LinkedHashMap<>();
        for (int i = 0; i < functions.size(); i++) {
            CheckProbe probe = new CheckProbe(Kind.FUNCTION, i, functions.get(i));
            boolean found = linked.get(probe.subject());
            if (!found) {
                Optional<Boolean> builtin = probed.builtin(probe);
                found = builtin.isPresent() ? builtin.get() : link(CheckSources.builtinLink(probe)).result.succeeded();
            }
            results.put(probe.subject(), found);
        }
        return results;
    }

    /**
     * Links all {@code active} functions at once; undefined ones are dropped and the rest linked again, until a
     * link succeeds (with no function left, that link is the linker's sanity check).
     */
    private void linkAll(List<CheckProbe> functions, Map<String, Boolean> linked) throws CheckException {
        List<CheckProbe> active = new ArrayList<>(functions);
        while (true) {
            CheckProgram program = CheckSources.functionLink(active);
            Outcome outcome = link(program);
            if (outcome.result.succeeded()) {
                active.forEach(f -> linked.put(f.subject(), true));
                return;
            }
            CheckDiagnostics diagnostics = CheckDiagnostics.parse(outcome.result.stderr(), outcome.sourceName());
            Set<CheckProbe> culprits = new LinkedHashSet<>();
            for (CheckProbe function : active) {
                if (diagnostics.undefinedSymbols().contains(function.subject())) {
                    culprits.add(function);
                }
            }
            for (int line : diagnostics.errorLines()) {
                program.owner(line).filter(active::contains).ifPresent(culprits::add);
            }
            if (culprits.isEmpty()) {
                if (active.isEmpty()) {
                    throw brokenLinker(outcome);
                }
                linkOneByOne(active, linked);
                return;
            }
            for (CheckProbe culprit : culprits) {
                active.remove(culprit);
                linked.put(culprit.subject(), false);
            }
        }
    }

    private void linkOneByOne(List<CheckProbe> functions, Map<String, Boolean> linked) throws CheckException {
        Outcome sanity = link(CheckSources.functionLink(List.of()));
        if (!sanity.result.succeeded()) {
            throw brokenLinker(sanity);
        }
        for (CheckProbe function : functions) {
            linked.put(function.subject(), link(CheckSources.functionLink(List.of(function))).result.succeeded());
        }
    }

    // ---------------------------------------------------------------- running the compiler

    private Outcome compile(CheckProgram program) throws CheckException {
        Path source = write(extension, program);
        Path object = directory.resolve(stem + ".o");
        try {
            Files.deleteIfExists(object); // never read a stale object
        } catch (IOException e) {
            throw new CheckException("Cannot delete the old check object " + object + ": " + e.getMessage(),
                    compiler, List.of(), "", e);
        }
        List<String> argv = new ArrayList<>(compiler.argvWithoutLauncher());
        argv.addAll(compilerArgs);
        // -w: warnings say nothing about the platform, and a -Werror in the arguments must not turn them into
        // wrong answers (-Wpadded would fail every alignment probe). -fno-lto: an LTO object holds compiler IR
        // instead of the data the markers are read from.
        argv.addAll(List.of("-w", "-fno-lto", "-c", source.toString(), "-o", object.toString()));
        return new Outcome(execute(argv), source, Optional.of(object));
    }

    private Outcome link(CheckProgram program) throws CheckException {
        Path source = write("-link" + extension, program);
        List<String> argv = new ArrayList<>(compiler.argvWithoutLauncher());
        argv.addAll(compilerArgs);
        argv.addAll(linkArgs);
        argv.addAll(List.of("-w", "-fno-lto", source.toString(), "-o", directory.resolve(stem + "-link.out").toString()));
        return new Outcome(execute(argv), source, Optional.empty());
    }

    private Path write(String suffix, CheckProgram program) throws CheckException {
        Path source = directory.resolve(stem + suffix);
        try {
            Folders.createOrExplain(directory);
            Files.writeString(source, program.source());
        } catch (IOException e) {
            throw new CheckException("Cannot write the check program " + source + ": " + e.getMessage(),
                    compiler, List.of(), "", e);
        }
        return source;
    }

    /** Runs a compiler command in the C locale, so its messages are the English ones we read. */
    private ProcessResult execute(List<String> argv) throws CheckException {
        runs++;
        ProcessResult result;
        try {
            result = runner.run(Command.of(argv).withEnvironment("LC_ALL", "C"));
        } catch (IOException e) {
            throw new CheckException("Cannot run the " + describe(compiler) + " for the compiler checks: "
                    + e.getMessage(), compiler, argv, "", e);
        }
        if (result.timedOut()) {
            throw new CheckException("The " + describe(compiler) + " did not finish a compiler check within "
                    + Command.DEFAULT_TIMEOUT.toMinutes() + " minutes and was stopped.\nCommand: "
                    + String.join(" ", argv), compiler, argv, result.stderr());
        }
        return result;
    }

    private Map<String, String> markers(Outcome outcome) throws CheckException {
        Path object = outcome.object.orElseThrow();
        Map<String, String> markers;
        try {
            markers = CheckMarkers.read(Files.readAllBytes(object));
        } catch (IOException e) {
            throw new CheckException("The " + describe(compiler) + " reported success but its object file " + object
                    + " cannot be read: " + e.getMessage(), compiler, outcome.result.argv(), outcome.result.stderr(), e);
        } catch (IllegalArgumentException e) {
            throw unreadable(e.getMessage(), outcome);
        }
        if (!markers.containsKey("end:0")) {
            throw unreadable("the object holds none of the marker strings the checks are read from"
                    + " (do the compiler arguments make -c produce something other than a plain object file?)", outcome);
        }
        return markers;
    }

    // ---------------------------------------------------------------- failures

    static String describe(Compiler compiler) {
        CompilerId id = compiler.id();
        return compiler.language().displayName() + " compiler " + compiler.tool().name() + " (" + id.id() + " "
                + id.version() + ", target " + id.targetTriple() + ")";
    }

    private CheckException broken(String problem, Outcome outcome) {
        String args = compiler.language().binaryKey() + "_args";
        return new CheckException("The " + describe(compiler) + " " + problem + ". It said:\n"
                + firstErrors(outcome.result) + "\nCommand: " + String.join(" ", outcome.result.argv())
                + "\nCheck the compiler and its arguments (" + args + " in [built-in options] of the cross file);"
                + " the doctor (mvn cross:doctor) diagnoses the toolchain.",
                compiler, outcome.result.argv(), outcome.result.stderr());
    }

    private CheckException brokenLinker(Outcome outcome) {
        String args = compiler.language().binaryKey() + "_link_args";
        return new CheckException("The " + describe(compiler) + " cannot link a program that only returns 0, so"
                + " has_function checks (which need a link) cannot be answered. It said:\n"
                + firstErrors(outcome.result) + "\nCommand: " + String.join(" ", outcome.result.argv())
                + "\nCheck that the target's C library is installed and the link arguments (" + args
                + " in [built-in options] of the cross file); the doctor (mvn cross:doctor) names missing packages.",
                compiler, outcome.result.argv(), outcome.result.stderr());
    }

    private CheckException unreadable(String problem, Compiled compiled) {
        return unreadable(problem, compiled.last);
    }

    private CheckException unreadable(String problem, Outcome outcome) {
        return new CheckException("Cannot read the compiler check results of the " + describe(compiler) + " from "
                + outcome.object.map(Path::toString).orElse(outcome.source.toString()) + ": " + problem + ".",
                compiler, outcome.result.argv(), outcome.result.stderr());
    }

    /** The first error lines of a failed run, indented; all of its first lines when none says "error". */
    static String firstErrors(ProcessResult result) {
        List<String> errors = CheckDiagnostics.parse(result.stderr(), "\0").errorMessages();
        List<String> lines = !errors.isEmpty() ? errors
                : result.stderr().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        if (lines.isEmpty()) {
            return "  (nothing; exit code " + result.exitCode() + ")";
        }
        StringBuilder out = new StringBuilder();
        lines.stream().limit(5).forEach(l -> out.append(out.length() == 0 ? "" : "\n").append("  ").append(l));
        if (lines.size() > 5) {
            out.append("\n  (").append(lines.size() - 5).append(" more)");
        }
        return out.toString();
    }

    // ---------------------------------------------------------------- results of the probe program

    private record Outcome(ProcessResult result, Path source, Optional<Path> object) {
        String sourceName() {
            return source.getFileName().toString();
        }
    }

    /** Markers of the compiled probe program; {@code last} compiled, {@code failure} is the last run that did not. */
    private record Compiled(Map<String, String> markers, Set<CheckProbe> failed, Outcome last,
                            Optional<Outcome> failure) {
    }

    private final class Probed {
        private final Compiled compiled;
        private final Map<String, Boolean> headers;

        Probed(Compiled compiled, Map<String, Boolean> headers) {
            this.compiled = compiled;
            this.headers = headers;
        }

        /** A size or alignment; -1 when the type is unknown to the compiler (Meson's answer). */
        int number(CheckProbe probe) throws CheckException {
            if (compiled.failed.contains(probe)) {
                return -1;
            }
            String key = (probe.kind() == Kind.SIZEOF ? "sizeof:" : "alignment:") + probe.index();
            String payload = compiled.markers.get(key);
            if (payload == null) {
                throw unreadable("no answer for " + key.replace(":", " ") + " (" + probe.subject() + ")", compiled);
            }
            try {
                return Math.toIntExact(CheckMarkers.number(payload));
            } catch (IllegalArgumentException | ArithmeticException e) {
                throw unreadable("the answer for " + key.replace(":", " ") + " (" + probe.subject() + ") is "
                        + e.getMessage(), compiled);
            }
        }

        Optional<String> define(CheckProbe probe) throws CheckException {
            if (compiled.failed.contains(probe)) {
                throw broken("cannot evaluate the define " + probe.subject(), compiled.failure.orElse(compiled.last));
            }
            String value = compiled.markers.get("define:" + probe.index());
            if (value != null) {
                return Optional.of(DefineValues.mergeStringLiterals(value).strip());
            }
            if (compiled.markers.containsKey("undef:" + probe.index())) {
                return Optional.empty();
            }
            throw unreadable("no answer for the define " + probe.subject(), compiled);
        }

        boolean isStub(CheckProbe function) {
            return "1".equals(compiled.markers.get("stub:" + function.index()));
        }

        /** Whether {@code __builtin_<f>} exists; empty when the compiler cannot say (no {@code __has_builtin}). */
        Optional<Boolean> builtin(CheckProbe function) {
            String marker = compiled.markers.get("builtin:" + function.index());
            return marker == null ? Optional.empty() : Optional.of("1".equals(marker));
        }
    }
}
