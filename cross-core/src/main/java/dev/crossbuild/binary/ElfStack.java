package dev.crossbuild.binary;

import java.util.Optional;

/**
 * What an ELF file says about an executable stack. A linked file: its {@code PT_GNU_STACK} segment ({@code segment}:
 * whether {@code PF_X} is set; empty without the segment). An object: its {@code .note.GNU-stack} section
 * ({@code note}: whether it is {@code SHF_EXECINSTR}; empty without the section, which the linker takes as "needs
 * an executable stack" on most machines: what hand-written assembly without the note gets).
 */
public record ElfStack(Optional<Boolean> segment, Optional<Boolean> note) {

    public static final ElfStack NONE = new ElfStack(Optional.empty(), Optional.empty());

    /** The file asks the loader for an executable stack ({@code PT_GNU_STACK} with {@code PF_X}). */
    public boolean executable() {
        return segment.orElse(false);
    }

    /** An object that makes its link need an executable stack: an executable {@code .note.GNU-stack}, or none. */
    public boolean objectNeedsExecutable() {
        return note.orElse(true);
    }
}
