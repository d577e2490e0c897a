package dev.crossbuild.maven;

import dev.crossbuild.checks.CheckRequest;
import java.util.List;

/**
 * The {@code <checks>} of the setup goal: answered for the host machine without running target code, written to
 * {@code cross_config.h} and to {@code cross.*} project properties.
 *
 * <pre>{@code
 * <checks>
 *   <sizeof><type>long</type><type>void*</type></sizeof>        <!-- SIZEOF_LONG, cross.sizeof.long -->
 *   <alignment><type>double</type></alignment>                   <!-- ALIGNOF_DOUBLE -->
 *   <header><name>stdint.h</name></header>                       <!-- HAVE_STDINT_H, cross.has.header.stdint_h -->
 *   <function><name>clock_gettime</name></function>              <!-- HAVE_CLOCK_GETTIME -->
 *   <define><name>__aarch64__</name></define>                    <!-- CROSS_DEFINE___aarch64__ -->
 * </checks>
 * }</pre>
 */
public class Checks {

    /** Types whose size to compute ({@code long}, {@code void*}, {@code struct timespec}). */
    private List<String> sizeof = List.of();

    /** Types whose alignment to compute. */
    private List<String> alignment = List.of();

    /** Headers to look for ({@code stdint.h}, {@code sys/mman.h}). */
    private List<String> header = List.of();

    /** Functions to link against ({@code clock_gettime}). */
    private List<String> function = List.of();

    /** Predefined macros to read ({@code __aarch64__}). */
    private List<String> define = List.of();

    CheckRequest toRequest() {
        return new CheckRequest(orEmpty(sizeof), orEmpty(alignment), orEmpty(header), orEmpty(function), orEmpty(define));
    }

    boolean isEmpty() {
        return toRequest().isEmpty();
    }

    /** Without empty elements ({@code <type/>}). */
    private static List<String> orEmpty(List<String> values) {
        return NativeTargetConfig.names(values);
    }
}
