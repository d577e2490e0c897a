package dev.crossbuild.nativebuild;

import dev.crossbuild.toolchain.Language;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Meson 1.0.1 adds for {@code warning_level=everything} with gcc beyond level 3 ({@code gnu_common_warning_args}
 * and {@code gnu_c_warning_args} / {@code gnu_cpp_warning_args} of {@code mesonbuild/compilers/mixins/gnu.py}): every
 * general warning gcc has, each from the gcc version that introduced it. Clang gets {@code -Weverything} instead.
 */
final class GccWarnings {

    private static final Map<String, List<String>> COMMON = table(
            "0.0.0", List.of("-Wcast-qual", "-Wconversion", "-Wfloat-equal", "-Wformat=2", "-Winline",
                    "-Wmissing-declarations", "-Wredundant-decls", "-Wshadow", "-Wundef", "-Wuninitialized",
                    "-Wwrite-strings"),
            "3.0.0", List.of("-Wdisabled-optimization", "-Wpacked", "-Wpadded"),
            "3.3.0", List.of("-Wmultichar", "-Wswitch-default", "-Wswitch-enum", "-Wunused-macros"),
            "4.0.0", List.of("-Wmissing-include-dirs"),
            "4.1.0", List.of("-Wunsafe-loop-optimizations", "-Wstack-protector"),
            "4.2.0", List.of("-Wstrict-overflow=5"),
            "4.3.0", List.of("-Warray-bounds=2", "-Wlogical-op", "-Wstrict-aliasing=3", "-Wvla"),
            "4.6.0", List.of("-Wdouble-promotion", "-Wsuggest-attribute=const", "-Wsuggest-attribute=noreturn",
                    "-Wsuggest-attribute=pure", "-Wtrampolines"),
            "4.7.0", List.of("-Wvector-operation-performance"),
            "4.8.0", List.of("-Wsuggest-attribute=format"),
            "4.9.0", List.of("-Wdate-time"),
            "5.1.0", List.of("-Wformat-signedness", "-Wnormalized=nfc"),
            "6.1.0", List.of("-Wduplicated-cond", "-Wnull-dereference", "-Wshift-negative-value",
                    "-Wshift-overflow=2", "-Wunused-const-variable=2"),
            "7.1.0", List.of("-Walloca", "-Walloc-zero", "-Wformat-overflow=2", "-Wformat-truncation=2",
                    "-Wstringop-overflow=3"),
            "7.2.0", List.of("-Wduplicated-branches"),
            "8.1.0", List.of("-Wattribute-alias=2", "-Wcast-align=strict", "-Wsuggest-attribute=cold",
                    "-Wsuggest-attribute=malloc"),
            "10.1.0", List.of("-Wanalyzer-too-complex", "-Warith-conversion"),
            "12.1.0", List.of("-Wbidi-chars=ucn", "-Wopenacc-parallelism", "-Wtrivial-auto-var-init"));

    private static final Map<String, List<String>> C = table(
            "0.0.0", List.of("-Wbad-function-cast", "-Wmissing-prototypes", "-Wnested-externs",
                    "-Wstrict-prototypes"),
            "3.4.0", List.of("-Wold-style-definition", "-Winit-self"),
            "4.1.0", List.of("-Wc++-compat"),
            "4.5.0", List.of("-Wunsuffixed-float-constants"));

    private static final Map<String, List<String>> CPP = table(
            "0.0.0", List.of("-Wctor-dtor-privacy", "-Weffc++", "-Wnon-virtual-dtor", "-Wold-style-cast",
                    "-Woverloaded-virtual", "-Wsign-promo"),
            "4.0.1", List.of("-Wstrict-null-sentinel"),
            "4.6.0", List.of("-Wnoexcept"),
            "4.7.0", List.of("-Wzero-as-null-pointer-constant"),
            "4.8.0", List.of("-Wabi-tag", "-Wuseless-cast"),
            "4.9.0", List.of("-Wconditionally-supported"),
            "5.1.0", List.of("-Wsuggest-final-methods", "-Wsuggest-final-types", "-Wsuggest-override"),
            "6.1.0", List.of("-Wmultiple-inheritance", "-Wplacement-new=2", "-Wvirtual-inheritance"),
            "7.1.0", List.of("-Waligned-new=all", "-Wnoexcept-type", "-Wregister"),
            "8.1.0", List.of("-Wcatch-value=3", "-Wextra-semi"),
            "9.1.0", List.of("-Wdeprecated-copy-dtor", "-Wredundant-move"),
            "10.1.0", List.of("-Wcomma-subscript", "-Wmismatched-tags", "-Wredundant-tags", "-Wvolatile"),
            "11.1.0", List.of("-Wdeprecated-enum-enum-conversion", "-Wdeprecated-enum-float-conversion",
                    "-Winvalid-imported-macros"));

    private GccWarnings() {
    }

    /** The warnings gcc {@code version} ({@code 12.2.0}, MinGW's {@code 12-win32}) knows, for {@code language}. */
    static List<String> everything(String version, Language language) {
        List<String> flags = new ArrayList<>(supported(COMMON, version));
        flags.addAll(supported(language == Language.CPP ? CPP : C, version));
        return flags;
    }

    private static List<String> supported(Map<String, List<String>> table, String version) {
        List<String> flags = new ArrayList<>();
        table.forEach((since, added) -> {
            if (compare(version, since) >= 0) {
                flags.addAll(added);
            }
        });
        return flags;
    }

    /** Compares the leading dotted numbers of two versions ({@code 12-win32} is 12.0.0). */
    static int compare(String a, String b) {
        int[] x = numbers(a);
        int[] y = numbers(b);
        for (int i = 0; i < 3; i++) {
            if (x[i] != y[i]) {
                return Integer.compare(x[i], y[i]);
            }
        }
        return 0;
    }

    private static int[] numbers(String version) {
        int[] parts = new int[3];
        int part = 0;
        int i = 0;
        while (part < 3 && i < version.length()) {
            int start = i;
            while (i < version.length() && Character.isDigit(version.charAt(i)) && i - start < 6) {
                i++;
            }
            if (i == start) {
                break;
            }
            parts[part++] = Integer.parseInt(version.substring(start, i));
            if (i < version.length() && version.charAt(i) == '.') {
                i++;
            } else {
                break;
            }
        }
        return parts;
    }

    private static Map<String, List<String>> table(Object... pairs) {
        Map<String, List<String>> table = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            @SuppressWarnings("unchecked") // the pairs above are (String, List<String>)
            List<String> flags = (List<String>) pairs[i + 1];
            table.put((String) pairs[i], flags);
        }
        return table;
    }
}
