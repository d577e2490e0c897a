package dev.crossbuild.report;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One output native-link produced, as {@code outputs.json} describes it: the file relative to the classifier's
 * folder, its size and SHA-256, whether it was stripped and where its debug file is, what verification read from the
 * binary, and what the portability gate found ({@code portability}; empty when it did not check the output: static
 * libraries, a skipped gate, files written before it existed).
 */
public record OutputRow(String target, String kind, String file, long size, String sha256, boolean stripped,
                        Optional<String> debugFile, Optional<String> importLibrary, BinaryFacts binary,
                        Optional<Portability> portability) {

    public OutputRow {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(debugFile, "debugFile");
        Objects.requireNonNull(importLibrary, "importLibrary");
        Objects.requireNonNull(binary, "binary");
        Objects.requireNonNull(portability, "portability");
    }

    /**
     * The portability gate's findings: the limits it checked against ({@code maxGlibc}, {@code maxGlibcxx}), the
     * libraries allowed beyond the system's and the module's, and each problem.
     */
    public record Portability(Optional<String> maxGlibc, Optional<String> maxGlibcxx, List<String> allowedLibraries,
                              List<Problem> problems) {

        public Portability {
            Objects.requireNonNull(maxGlibc, "maxGlibc");
            Objects.requireNonNull(maxGlibcxx, "maxGlibcxx");
            allowedLibraries = List.copyOf(allowedLibraries);
            problems = List.copyOf(problems);
        }
    }

    /**
     * One portability problem: {@code check} ({@code glibc}, {@code library}, {@code mingw_runtime}, ...), the symbol
     * or library it is about, the sentence describing it, the objects that need the symbol, and the remedy.
     */
    public record Problem(String check, String subject, String detail, List<String> objects, String remedy) {

        public Problem {
            Objects.requireNonNull(check, "check");
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(detail, "detail");
            objects = List.copyOf(objects);
            Objects.requireNonNull(remedy, "remedy");
        }
    }

    /**
     * What verification read, across formats: {@code machine} is the ELF {@code e_machine} or PE machine name,
     * {@code soname} the ELF {@code DT_SONAME} or Mach-O install name, {@code needed} the ELF {@code DT_NEEDED},
     * PE imported DLLs or Mach-O load commands, {@code maxGlibc} the highest {@code GLIBC_} symbol version needed.
     * Static archives have {@code members} and {@code memberKinds} instead of a machine. {@code verifiedFor} is the
     * host machine the file was checked against.
     */
    public record BinaryFacts(String format, Optional<String> kind, Optional<String> machine, Optional<String> cpuFamily,
                              Optional<Integer> bits, Optional<String> endian, Optional<String> floatAbi,
                              Optional<String> soname, List<String> needed, Optional<String> maxGlibc,
                              Optional<Integer> members, List<String> memberKinds, boolean verified,
                              Optional<String> verifiedFor, List<String> mismatches) {

        public BinaryFacts {
            Objects.requireNonNull(format, "format");
            needed = List.copyOf(needed);
            memberKinds = List.copyOf(memberKinds);
            mismatches = List.copyOf(mismatches);
        }
    }
}
