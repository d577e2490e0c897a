package dev.crossbuild.binary;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What binutils' {@code readelf -h -l -d -S -V -n --wide} says about a file: the oracle of the ELF tests. */
record ReadElf(Map<String, String> header, List<String> sections, Optional<String> interpreter,
        List<String> needed, Optional<String> soname, Optional<String> runpath, Map<String, List<String>> versionNeeds,
        Optional<String> buildId) {

    private static final Pattern SECTION = Pattern.compile("^\\s*\\[\\s*(\\d+)\\]\\s(.*)$");
    private static final Pattern DYNAMIC = Pattern.compile("\\((NEEDED|SONAME|RUNPATH)\\)\\s+.*?: \\[(.*)\\]$");
    private static final Pattern INTERPRETER = Pattern.compile("\\[Requesting program interpreter: (.*)\\]");
    private static final Pattern NEED_FILE = Pattern.compile("File: (\\S+)\\s+Cnt:");
    private static final Pattern NEED_NAME = Pattern.compile("Name: (\\S+)\\s+Flags:");
    private static final Pattern BUILD_ID = Pattern.compile("Build ID: ([0-9a-f]+)");

    static ReadElf of(ElfTarget target, Path file) {
        return parse(NativeTools.run(file.getParent(), target.tool("readelf"), "-h", "-l", "-d", "-S", "-V", "-n",
                "--wide", file.getFileName().toString()));
    }

    static ReadElf parse(String text) {
        Map<String, String> header = new LinkedHashMap<>();
        List<String> sections = new ArrayList<>();
        Optional<String> interpreter = Optional.empty();
        List<String> needed = new ArrayList<>();
        Optional<String> soname = Optional.empty();
        Optional<String> runpath = Optional.empty();
        Map<String, List<String>> versionNeeds = new LinkedHashMap<>();
        Optional<String> buildId = Optional.empty();
        String block = "";
        List<String> currentNeed = null;
        for (String line : text.split("\n")) {
            if (line.startsWith("ELF Header:") || line.startsWith("Section Headers:")
                    || line.startsWith("Version needs section") || line.startsWith("Key to Flags")
                    || line.startsWith("Program Headers:") || line.startsWith("Version symbols section")
                    || line.startsWith("Dynamic section") || line.startsWith("Displaying notes")) {
                block = line.split(" ")[0] + " " + line.split(" ")[1];
                continue;
            }
            Matcher m;
            if (block.equals("ELF Header:") && line.contains(":")) {
                header.put(line.substring(0, line.indexOf(':')).trim(), line.substring(line.indexOf(':') + 1).trim());
            } else if (block.equals("Section Headers:") && (m = SECTION.matcher(line)).matches()) {
                sections.add(m.group(1).equals("0") ? "" : m.group(2).trim().split("\\s+")[0]);
            } else if ((m = INTERPRETER.matcher(line)).find()) {
                interpreter = Optional.of(m.group(1));
            } else if (block.equals("Dynamic section") && (m = DYNAMIC.matcher(line)).find()) {
                switch (m.group(1)) {
                    case "NEEDED" -> needed.add(m.group(2));
                    case "SONAME" -> soname = Optional.of(m.group(2));
                    default -> runpath = Optional.of(m.group(2));
                }
            } else if (block.equals("Version needs") && (m = NEED_FILE.matcher(line)).find()) {
                currentNeed = versionNeeds.computeIfAbsent(m.group(1), f -> new ArrayList<>());
            } else if (block.equals("Version needs") && (m = NEED_NAME.matcher(line)).find()) {
                currentNeed.add(m.group(1));
            } else if ((m = BUILD_ID.matcher(line)).find()) {
                buildId = Optional.of(m.group(1));
            }
        }
        return new ReadElf(header, sections, interpreter, needed, soname, runpath, versionNeeds, buildId);
    }

    /** {@code e_flags} from "Flags: 0x5000400, Version5 EABI, hard-float ABI". */
    long flags() {
        return Long.decode(header.get("Flags").split(",")[0].trim());
    }

    /** The float ABI readelf names in the Flags line ("hard-float ABI", "double-float ABI"), if any. */
    Optional<String> floatAbi() {
        Matcher m = Pattern.compile("(hard|soft|single|double|quad)-float ABI").matcher(header.get("Flags"));
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
