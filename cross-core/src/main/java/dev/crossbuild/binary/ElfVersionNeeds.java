package dev.crossbuild.binary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Walks the {@code Elf_Verneed} / {@code Elf_Vernaux} chains (same 16-byte layout in both classes): for each
 * needed file, the version names it must provide. The chains only move forward ({@code vn_next} and
 * {@code vna_next} are unsigned), and the counts bound the walk, so a corrupt file cannot loop.
 */
final class ElfVersionNeeds {

    interface Strings {
        String at(long offset) throws BinaryFormatException;
    }

    private ElfVersionNeeds() {
    }

    static Map<String, List<String>> read(ByteSource in, long start, long count, Strings strings)
            throws BinaryFormatException {
        in.checkTable(start, count, 16, "version needs (SHT_GNU_verneed)");
        Map<String, List<String>> needs = new LinkedHashMap<>();
        long need = start;
        for (long i = 0; i < count; i++) {
            int auxCount = in.u16(need + 2, "Elf_Verneed.vn_cnt");
            String file = strings.at(in.u32(need + 4, "Elf_Verneed.vn_file"));
            List<String> versions = needs.computeIfAbsent(file, f -> new ArrayList<>());
            long aux = need + in.u32(need + 8, "Elf_Verneed.vn_aux");
            for (int j = 0; j < auxCount; j++) {
                versions.add(strings.at(in.u32(aux + 8, "Elf_Vernaux.vna_name")));
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
        needs.replaceAll((file, versions) -> List.copyOf(versions));
        return needs;
    }
}
