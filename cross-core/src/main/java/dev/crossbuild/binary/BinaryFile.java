package dev.crossbuild.binary;

import java.util.List;
import java.util.Map;

/** A binary read by {@link Binaries#read}: an ELF, PE or Mach-O file. */
public sealed interface BinaryFile permits ElfFile, PeFile, MachOFile {

    /** The file as named when it was read (the path as given). */
    String file();

    BinaryFormat format();

    /**
     * The symbol names the file exports to the dynamic linker ({@code .dynsym}, the PE export table, Mach-O's
     * external symbols without the leading underscore), e.g. to check that JNI entry points are there.
     */
    List<String> exportedSymbols();

    /** One line for logs and messages, e.g. {@code ELF 64-bit little-endian aarch64 shared object}. */
    String describe();

    /**
     * The facts for logs and {@code outputs.json}, in a stable order: {@code path}, {@code format}, {@code kind},
     * {@code cpu_family}, {@code bits}, {@code endian}, then per format. Values are strings, booleans, integers,
     * lists of strings or {@code Optional}s, so that any JSON writer can print them.
     */
    Map<String, Object> facts();
}
