package dev.crossbuild.binary;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks that built binaries are for the host machine: the format its system loads, the cpu family, the class
 * (32/64-bit), the byte order, for ARM ELF files the float ABI when the host fixes it, and for ELF files with a
 * specific {@code EI_OSABI} that it names the host's system. A universal Mach-O file passes when one of its
 * architectures matches. When the format is wrong nothing else is compared: the other properties would only
 * repeat the same cause.
 */
public final class ArtifactVerifier {

    /** {@code EI_OSABI} values that name a system, and the Meson systems they fit. 0 (SYSV) fits every system. */
    private static final Map<Integer, Set<String>> OS_ABI_SYSTEMS = Map.of(
            2, Set.of("netbsd"),
            3, Set.of("linux", "android", "gnu"),
            6, Set.of("sunos"),
            9, Set.of("freebsd"),
            12, Set.of("openbsd"));

    private final ExpectedMachine host;

    public ArtifactVerifier(ExpectedMachine host) {
        this.host = host;
    }

    public ExpectedMachine host() {
        return host;
    }

    public Verification verify(Path file) throws BinaryFormatException {
        return verify(Binaries.read(file), List.of());
    }

    public Verification verify(BinaryFile binary) {
        return verify(binary, List.of());
    }

    /** Also checks that every name in {@code requiredSymbols} (JNI entry points, say) is exported. */
    public Verification verify(BinaryFile binary, Collection<String> requiredSymbols) {
        List<String> exported = binary.exportedSymbols();
        List<String> missing = requiredSymbols.stream().filter(s -> !exported.contains(s)).toList();
        return new Verification(binary, host, mismatches(binary), missing);
    }

    private List<Mismatch> mismatches(BinaryFile binary) {
        Optional<BinaryFormat> format = host.format();
        if (format.isPresent() && binary.format() != format.get()) {
            return List.of(new Mismatch("format", format.get().displayName(), binary.format().displayName()));
        }
        if (binary instanceof ElfFile elf) {
            List<Mismatch> found = machine(elf.cpuFamily(), elf.header().machine().name(), elf.is64Bit(),
                    elf.endianness());
            elfSpecific(elf, found);
            return found;
        }
        if (binary instanceof PeFile pe) {
            return machine(pe.cpuFamily(), pe.machine().name(), pe.is64Bit(), pe.endianness());
        }
        MachOFile macho = (MachOFile) binary;
        if (macho.universal()) {
            boolean any = macho.images().stream().anyMatch(i -> machine(i).isEmpty());
            return any ? List.of()
                    : List.of(new Mismatch("architecture", host.cpuFamily(), String.join(", ", macho.architectures())));
        }
        return machine(macho.images().get(0));
    }

    private List<Mismatch> machine(MachOImage image) {
        return machine(image.cpuFamily(), image.cpuName(), image.is64Bit(), image.endianness());
    }

    private List<Mismatch> machine(Optional<String> family, String machineName, boolean is64, Endianness order) {
        List<Mismatch> found = new ArrayList<>();
        if (!family.equals(Optional.of(host.cpuFamily()))) {
            found.add(new Mismatch("cpu family", host.cpuFamily(), family.orElse(machineName)));
        }
        if (is64 != host.is64Bit()) {
            found.add(new Mismatch("class", bits(host.is64Bit()), bits(is64)));
        }
        if (order != host.endianness()) {
            found.add(new Mismatch("byte order", host.endianness().toString(), order.toString()));
        }
        return found;
    }

    private void elfSpecific(ElfFile elf, List<Mismatch> found) {
        Optional<String> floatAbi = elf.header().floatAbi();
        if (host.armFloatAbi().isPresent() && elf.header().machine().number() == ElfHeader.EM_ARM
                && floatAbi.isPresent() && !floatAbi.equals(host.armFloatAbi())) {
            found.add(new Mismatch("float ABI", host.armFloatAbi().get() + "-float", floatAbi.get() + "-float"));
        }
        Set<String> systems = OS_ABI_SYSTEMS.get(elf.header().osAbi());
        if (systems != null && !systems.contains(host.system())) {
            found.add(new Mismatch("OS ABI", host.system(), elf.header().osAbiName()));
        }
    }

    private static String bits(boolean is64) {
        return is64 ? "64-bit" : "32-bit";
    }
}
