/**
 * Pure-Java readers for the binaries a build produces (ELF, PE, Mach-O) and the check that they are for the host
 * machine. A leaf package: it imports nothing else from {@code dev.crossbuild}, so callers map their machine model
 * to {@link dev.crossbuild.binary.ExpectedMachine}. Readers take the whole file into memory and never throw an
 * unchecked exception for bad input: every problem is a {@link dev.crossbuild.binary.BinaryFormatException}.
 */
package dev.crossbuild.binary;
