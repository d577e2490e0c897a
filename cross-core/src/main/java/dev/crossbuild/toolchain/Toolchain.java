package dev.crossbuild.toolchain;

import dev.crossbuild.machine.Machine;
import dev.crossbuild.machine.MachineRole;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The programs that build for one machine: a confirmed compiler per language (one that runs here and targets
 * {@code target}), and the binutils of the same toolchain. A tool that was not found is empty; the
 * {@link Detection} that produced this toolchain says why.
 */
public record Toolchain(MachineRole machine, Machine target, Map<Language, Compiler> compilers,
        Optional<Tool> ar, Optional<Tool> ranlib, Optional<Tool> strip, Optional<Tool> objcopy, Optional<Tool> ld) {

    public Toolchain {
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(target, "target");
        Map<Language, Compiler> copy = new EnumMap<>(Language.class);
        copy.putAll(compilers);
        compilers = Collections.unmodifiableMap(copy);
        Objects.requireNonNull(ar, "ar");
        Objects.requireNonNull(ranlib, "ranlib");
        Objects.requireNonNull(strip, "strip");
        Objects.requireNonNull(objcopy, "objcopy");
        Objects.requireNonNull(ld, "ld");
    }

    public Optional<Compiler> compiler(Language language) {
        return Optional.ofNullable(compilers.get(language));
    }
}
