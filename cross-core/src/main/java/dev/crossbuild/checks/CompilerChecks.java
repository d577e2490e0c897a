package dev.crossbuild.checks;

import dev.crossbuild.crossfile.Value;
import dev.crossbuild.exec.ProcessRunner;
import dev.crossbuild.toolchain.Compiler;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Answers compiler checks (sizes, alignments, headers, functions, defines) for a compiler of the host machine
 * without running anything it builds, so they work the same for every cross target. All sizes, alignments,
 * headers and defines come from ONE compile ({@link CheckSession} explains the plan and its fallbacks), functions
 * from one more link. {@code [properties]} overrides answer their entries without a compiler ({@link CheckOverrides});
 * with a {@link CheckCache}, a repeated request with the same compiler and arguments runs nothing at all.
 */
public final class CompilerChecks {

    private final ProcessRunner runner;
    private final Optional<CheckCache> cache;

    /** Checks without a cache: every call runs the compiler. */
    public CompilerChecks(ProcessRunner runner) {
        this(runner, Optional.empty());
    }

    /** Checks that reuse and record answers in {@code cache}. */
    public CompilerChecks(ProcessRunner runner, CheckCache cache) {
        this(runner, Optional.of(cache));
    }

    private CompilerChecks(ProcessRunner runner, Optional<CheckCache> cache) {
        this.runner = Objects.requireNonNull(runner, "runner");
        this.cache = cache;
    }

    /** As {@link #run(Compiler, List, List, CheckRequest, Map, Path)} without extra link arguments. */
    public CheckResults run(Compiler compiler, List<String> compilerArgs, CheckRequest request,
                            Map<String, Value> properties, Path workDirectory) throws CheckException {
        return run(compiler, compilerArgs, List.of(), request, properties, workDirectory);
    }

    /**
     * Answers {@code request}.
     *
     * @param compilerArgs arguments for every check compile, e.g. the machine's {@code c_args}
     * @param linkArgs further arguments for the {@code has_function} links, e.g. {@code c_link_args}
     * @param properties the host machine's {@code [properties]}, for {@code has_function_<name>},
     *     {@code sizeof_<type>} and {@code alignment_<type>} overrides
     * @param workDirectory where the generated programs and their outputs go (they are left there for inspection)
     * @throws CheckException when a check cannot be answered: a broken compiler or linker (with its first error
     *     lines), or an override of the wrong type
     */
    public CheckResults run(Compiler compiler, List<String> compilerArgs, List<String> linkArgs, CheckRequest request,
                            Map<String, Value> properties, Path workDirectory) throws CheckException {
        CheckOverrides overrides = CheckOverrides.read(properties, request, compiler);
        CheckRequest asked = request.without(overrides);
        CheckResults computed;
        if (asked.isEmpty()) {
            computed = CheckResults.empty(compiler.id());
        } else {
            String fingerprint = CheckFingerprint.of(compiler, compilerArgs, linkArgs, asked);
            Optional<CheckResults> cached = cache.flatMap(c -> c.load(fingerprint, asked, compiler.id()));
            if (cached.isPresent()) {
                computed = cached.get();
            } else {
                computed = new CheckSession(runner, compiler, compilerArgs, linkArgs, workDirectory).run(asked);
                if (cache.isPresent()) {
                    store(cache.get(), fingerprint, computed, compiler);
                }
            }
        }
        return merge(request, overrides, computed, compiler);
    }

    private static void store(CheckCache cache, String fingerprint, CheckResults results, Compiler compiler)
            throws CheckException {
        try {
            cache.store(fingerprint, results);
        } catch (IOException e) {
            throw new CheckException("Cannot write the compiler check cache " + cache.file() + ": " + e.getMessage(),
                    compiler, List.of(), "", e);
        }
    }

    /** The answers in request order, each from {@code [properties]} when it gave one, else from the compiler. */
    private static CheckResults merge(CheckRequest request, CheckOverrides overrides, CheckResults computed,
                                      Compiler compiler) {
        return new CheckResults(
                pick(request.sizeof(), overrides.sizeof(), computed.sizeof()),
                pick(request.alignment(), overrides.alignment(), computed.alignment()),
                pick(request.headers(), Map.of(), computed.headers()),
                pick(request.functions(), overrides.functions(), computed.functions()),
                pick(request.defines(), Map.of(), computed.defines()),
                computed.compilerRuns(), Optional.of(compiler.id()));
    }

    private static <V> Map<String, V> pick(List<String> keys, Map<String, V> overridden, Map<String, V> computed) {
        Map<String, V> result = new LinkedHashMap<>();
        for (String key : keys) {
            V value = overridden.containsKey(key) ? overridden.get(key) : computed.get(key);
            result.put(key, Objects.requireNonNull(value, key));
        }
        return result;
    }
}
