package dev.crossbuild.binary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks the {@code Elf_Verneed} / {@code Elf_Vernaux} chains (same 16-byte layout in both classes): for each
 * needed file, the version names it must provide, each with the index ({@code vna_other}) by which the symbol
 * version table ({@code .gnu.version}) refers to it. The chains only move forward ({@code vn_next} and
 * {@code vna_next} are unsigned), and the counts bound the walk, so a corrupt file cannot loop.
 */
final class ElfVersionNeeds {

    interface Strings {
        String at(long offset) throws BinaryFormatException;
    }

    /** One needed version: {@code GLIBC_2.34} of {@code libc.so.6}, index 2 in {@code .gnu.version}. */
    record Need(String file, String version, int index) {
    }

    private ElfVersionNeeds() {
    }

    static List<Need> read(ByteSource in, long start, long count, Strings strings) throws BinaryFormatException {
        in.checkTable(start, count, 16, "version needs (SHT_GNU_verneed)");
        List<Need> needs = new ArrayList<>();
        long need = start;
        for (long i = 0; i < count; i++) {
            int auxCount = in.u16(need + 2, "Elf_Verneed.vn_cnt");
            String file = strings.at(in.u32(need + 4, "Elf_Verneed.vn_file"));
            long aux = need + in.u32(need + 8, "Elf_Verneed.vn_aux");
            for (int j = 0; j < auxCount; j++) {
                int index = in.u16(aux + 6, "Elf_Vernaux.vna_other");
                needs.add(new Need(file, strings.at(in.u32(aux + 8, "Elf_Vernaux.vna_name")), index));
                long next = in.u32(aux + 12, "Elf_Vernaux.vna_next");
                if (next == 0) {
                    break;
                }
                aux += next;
            }
            long next = in.u32(need + 12, "Elf_Verneed.vn_next");
            if (next == 0) {
                break;
            }
            need += next;
        }
        return List.copyOf(needs);
    }

    /** The version names by needed file, in file order: {@code libc.so.6 -> [GLIBC_2.17, GLIBC_2.34]}. */
    static Map<String, List<String>> byFile(List<Need> needs) {
        Map<String, List<String>> byFile = new LinkedHashMap<>();
        for (Need need : needs) {
            byFile.computeIfAbsent(need.file(), f -> new ArrayList<>()).add(need.version());
        }
        byFile.replaceAll((file, versions) -> List.copyOf(versions));
        return byFile;
    }
}
