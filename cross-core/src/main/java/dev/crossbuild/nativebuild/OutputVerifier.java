package dev.crossbuild.nativebuild;

import dev.crossbuild.binary.ArtifactVerifier;
import dev.crossbuild.binary.Binaries;
import dev.crossbuild.binary.BinaryFile;
import dev.crossbuild.binary.BinaryFormatException;
import dev.crossbuild.binary.ElfFile;
import dev.crossbuild.binary.ExpectedMachine;
import dev.crossbuild.binary.PeFile;
import dev.crossbuild.binary.PeMachine;
import dev.crossbuild.binary.Verification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads every linked output in pure Java and checks it against the host machine ({@link ArtifactVerifier}): shared
 * libraries and executables as ELF / PE / Mach-O files, static archives member by member (ELF and Mach-O objects
 * fully, MinGW's COFF objects by their machine field).
 */
final class OutputVerifier {

    private static final String REMEDY = "The output was not kept. Check the compiler named in the cross file's "
            + "[binaries] and the flags of this target (c_args, c_link_args, <compilerArgs>, <linkerArgs>), then run "
            + "mvn clean and build again.";

    private final ArtifactVerifier verifier;

    OutputVerifier(ExpectedMachine host) {
        this.verifier = new ArtifactVerifier(host);
    }

    /**
     * @param file the file to read (possibly still under its temporary name)
     * @param output its final path, for messages
     */
    VerifiedOutput verify(Path file, Path output) throws VerificationException, IOException {
        String name = output.getFileName().toString();
        byte[] content = Files.readAllBytes(file);
        if (ArArchive.isArchive(content)) {
            return archive(content, output);
        }
        BinaryFile binary;
        try {
            binary = Binaries.parse(name, content);
        } catch (BinaryFormatException e) {
            throw new VerificationException(output, List.of(output + " cannot be read as a binary: " + e.problem()),
                    REMEDY);
        }
        Verification verification = verifier.verify(binary);
        if (!verification.ok()) {
            throw new VerificationException(output, verification.problems(), REMEDY);
        }
        Map<String, Object> facts = verification.toJson();
        facts.remove("path");
        boolean stripped = Boolean.TRUE.equals(facts.get("stripped"));
        return new VerifiedOutput(facts, name + ": " + binary.describe() + details(binary), stripped);
    }

    private VerifiedOutput archive(byte[] content, Path output) throws VerificationException {
        String name = output.getFileName().toString();
        List<ArArchive.Member> members;
        try {
            members = ArArchive.members(content);
        } catch (IllegalArgumentException e) {
            throw new VerificationException(output, List.of(output + " is a damaged ar archive: " + e.getMessage()),
                    REMEDY);
        }
        List<String> problems = new ArrayList<>();
        Set<String> kinds = new LinkedHashSet<>();
        for (ArArchive.Member member : members) {
            String memberName = name + "(" + member.name() + ")";
            Optional<PeMachine> coff = coffMachine(member.content());
            if (coff.isPresent()) {
                String family = coff.get().displayName();
                kinds.add("COFF " + family + " object");
                if (!family.equals(verifier.host().cpuFamily())) {
                    problems.add(memberName + " is a COFF " + family + " object, but the host machine is "
                            + verifier.host() + ": expected cpu family " + verifier.host().cpuFamily() + ", found "
                            + family);
                }
                continue;
            }
            try {
                BinaryFile binary = Binaries.parse(memberName, member.content());
                kinds.add(binary.describe());
                Verification verification = verifier.verify(binary);
                problems.addAll(verification.problems());
            } catch (BinaryFormatException e) {
                problems.add(memberName + " is no object file: " + e.problem());
            }
        }
        if (!problems.isEmpty()) {
            throw new VerificationException(output, problems, REMEDY);
        }
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("format", "ar archive");
        facts.put("members", members.size());
        facts.put("member_kinds", List.copyOf(kinds));
        facts.put("host", verifier.host().toString());
        facts.put("verified", true);
        String summary = name + ": ar archive of " + members.size() + (members.size() == 1 ? " member" : " members")
                + (kinds.isEmpty() ? "" : " (" + String.join(", ", kinds) + ")");
        return new VerifiedOutput(facts, summary, false);
    }

    /** The machine of a COFF object (MinGW's objects; plain or big-object header), empty for other content. */
    private static Optional<PeMachine> coffMachine(byte[] content) {
        if (content.length < 20) {
            return Optional.empty();
        }
        int first = u16(content, 0);
        if (first == 0 && u16(content, 2) == 0xffff && content.length >= 8) {   // bigobj: Sig1 0, Sig2 0xffff
            PeMachine machine = PeMachine.of(u16(content, 6));
            return machine.cpuFamily().isPresent() ? Optional.of(machine) : Optional.empty();
        }
        PeMachine machine = PeMachine.of(first);
        return machine.cpuFamily().isPresent() ? Optional.of(machine) : Optional.empty();
    }

    private static int u16(byte[] content, int offset) {
        return (content[offset] & 0xff) | (content[offset + 1] & 0xff) << 8;
    }

    /** {@code , SONAME libdemo.so, needs libc.so.6, GLIBC_2.17, runpath $ORIGIN/../lib}; PE: {@code , imports ...}. */
    private static String details(BinaryFile binary) {
        StringBuilder text = new StringBuilder();
        if (binary instanceof ElfFile elf) {
            elf.soname().ifPresent(soname -> text.append(", SONAME ").append(soname));
            if (!elf.needed().isEmpty()) {
                text.append(", needs ").append(String.join(", ", elf.needed()));
            }
            elf.dynamic().maxGlibc().ifPresent(v -> text.append(", GLIBC_").append(v));
            elf.dynamic().runpath().ifPresent(p -> text.append(", runpath ").append(p));
        } else if (binary instanceof PeFile pe) {
            if (!pe.imports().isEmpty()) {
                text.append(", imports ").append(String.join(", ", pe.imports()));
            }
        }
        return text.toString();
    }
}
