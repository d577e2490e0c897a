package dev.crossbuild.nativebuild;

import dev.crossbuild.machine.Machine;
import dev.crossbuild.machine.OutputFormat;
import dev.crossbuild.toolchain.Tool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Plans splitting off the debug information of a linked file and stripping it (the recipe of .NET Native AOT's
 * StripSymbols), with the host toolchain's {@code objcopy} and {@code strip}; the build machine's own binutils
 * cannot read a foreign ELF file.
 *
 * <ul>
 *   <li>ELF: {@code objcopy --only-keep-debug file debug}, {@code strip --strip-unneeded file},
 *       {@code objcopy --add-gnu-debuglink=debug file}.
 *   <li>PE: the unstripped file itself is kept as the debug file (a complete image gdb reads as it is; MinGW's
 *       keep-debug output would be hardly smaller, as PE keeps its debug sections in the image), then
 *       {@code strip --strip-all file} and the same debuglink.
 * </ul>
 *
 * On ELF, {@code --strip-unneeded} removes {@code .symtab} and every debug section of a linked file and keeps what
 * loading and dynamic linking need ({@code .dynsym}), so it is right for executables and shared libraries alike. On
 * PE it would keep part of the COFF symbol table, which no loader reads (exports and imports are tables of their
 * own), so PE files get {@code --strip-all}.
 * The debuglink records the base name of the debug file and its CRC, so the debug file must already have its final
 * name (only its folder may differ). Static archives are not stripped: they are inputs of other links, whose
 * debug information belongs with them. Mach-O is not stripped either: splitting its debug information needs
 * {@code dsymutil}, which cross does not run.
 *
 * <p>binutils' {@code strip} and {@code objcopy} (2.40) write the current time into the header of a PE file they
 * rewrite, whatever time stamp it had, unless {@code SOURCE_DATE_EPOCH} is set: a stripped DLL is reproducible only
 * with it, which is why the goals give it to every tool they run (llvm-strip keeps the linker's time stamp).
 */
public final class StripPlanner {

    private StripPlanner() {
    }

    /**
     * @return the plan, or empty when outputs of this kind and format are not stripped
     * @throws LinkException when the toolchain lacks {@code strip} or {@code objcopy}, with the remedy
     */
    public static Optional<StripPlan> plan(SetupState setup, NativeTarget target, Path file, Path debugFile)
            throws LinkException {
        OutputFormat format = OutputFormat.of(setup.host());
        if (target.kind() == TargetKind.STATIC_LIBRARY || format == OutputFormat.MACH_O) {
            return Optional.empty();
        }
        List<String> objcopy = tool(setup, target, "objcopy", setup.toolchain().objcopy());
        List<String> strip = tool(setup, target, "strip", setup.toolchain().strip());
        List<List<String>> commands = new ArrayList<>();
        if (format == OutputFormat.ELF) {
            commands.add(with(objcopy, "--only-keep-debug", file.toString(), debugFile.toString()));
        }
        commands.add(with(strip, format == OutputFormat.PE ? "--strip-all" : "--strip-unneeded", file.toString()));
        commands.add(with(objcopy, "--add-gnu-debuglink=" + debugFile, file.toString()));
        return Optional.of(new StripPlan(file, debugFile, format == OutputFormat.PE, commands));
    }

    private static List<String> tool(SetupState setup, NativeTarget target, String key, Optional<Tool> tool)
            throws LinkException {
        if (tool.isEmpty()) {
            Machine host = setup.host();
            throw new LinkException(target.name(), "Stripping " + target.name() + " needs the " + key
                    + " of the toolchain for " + host + ", and setup found none: "
                    + ToolRemedies.binutils(host, setup.build(), key) + "; or build without stripping (-Dcross.strip=false).");
        }
        return tool.get().argv();
    }

    private static List<String> with(List<String> tool, String... arguments) {
        List<String> argv = new ArrayList<>(tool);
        argv.addAll(List.of(arguments));
        return argv;
    }
}
