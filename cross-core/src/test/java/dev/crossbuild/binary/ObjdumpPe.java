package dev.crossbuild.binary;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What mingw's {@code objdump -p} and {@code objdump -h} say about a PE image: the oracle of the PE tests. */
record ObjdumpPe(String magic, int subsystem, boolean dll, List<String> imports, List<String> exports,
        List<String> sections) {

    private static final Pattern MAGIC = Pattern.compile("^Magic\\s+\\S+\\s+\\((PE32\\+?)\\)");
    private static final Pattern SUBSYSTEM = Pattern.compile("^Subsystem\\s+([0-9a-f]+)");
    private static final Pattern DLL_NAME = Pattern.compile("^\\s+DLL Name: (\\S+)");
    private static final Pattern NAME_POINTER = Pattern.compile("^\\s+\\[\\s*\\d+\\]\\s+(?:.*\\s)?(\\S+)$");
    private static final Pattern SECTION = Pattern.compile("^\\s*\\d+\\s+(\\S+)\\s+[0-9a-f]{8}\\s");

    static ObjdumpPe of(Path file) {
        String tool = PeSamples.TRIPLE + "-objdump";
        String name = file.getFileName().toString();
        return parse(NativeTools.run(file.getParent(), tool, "-p", name), NativeTools.run(file.getParent(), tool, "-h", name));
    }

    static ObjdumpPe parse(String privateHeaders, String sectionHeaders) {
        String magic = null;
        int subsystem = -1;
        boolean dll = false;
        boolean inCharacteristics = false;
        boolean inNames = false;
        List<String> imports = new ArrayList<>();
        List<String> exports = new ArrayList<>();
        for (String line : privateHeaders.split("\n")) {
            Matcher m;
            if (line.startsWith("Characteristics ")) {
                inCharacteristics = true;
                continue;
            }
            if (inCharacteristics) {
                if (line.isBlank()) {
                    inCharacteristics = false;
                } else if (line.trim().equals("DLL")) {
                    dll = true;
                }
            }
            if (line.startsWith("[Ordinal/Name Pointer] Table")) {
                inNames = true;
                continue;
            }
            if (inNames && (m = NAME_POINTER.matcher(line)).matches()) {
                exports.add(m.group(1));
            } else if (inNames && line.isBlank()) {
                inNames = false;
            } else if ((m = MAGIC.matcher(line)).find()) {
                magic = m.group(1);
            } else if ((m = SUBSYSTEM.matcher(line)).find()) {
                subsystem = Integer.parseInt(m.group(1), 16);
            } else if ((m = DLL_NAME.matcher(line)).find()) {
                imports.add(m.group(1));
            }
        }
        List<String> sections = new ArrayList<>();
        for (String line : sectionHeaders.split("\n")) {
            Matcher m = SECTION.matcher(line);
            if (m.find()) {
                sections.add(m.group(1));
            }
        }
        return new ObjdumpPe(magic, subsystem, dll, imports, exports, sections);
    }
}
