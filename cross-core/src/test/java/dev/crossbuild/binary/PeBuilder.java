package dev.crossbuild.binary;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes small PE images by the Microsoft PE/COFF layout, for tests without mingw and for corrupting chosen
 * fields: DOS header ({@code e_lfanew} = 0x40), COFF header at 0x44, optional header at 0x58, section table, an
 * {@code .rdata} section at RVA 0x1000 / file offset 0x400 holding the import and export directories, optional
 * named empty sections (names over 8 bytes go to the COFF string table as {@code /<offset>}), and an optional
 * {@code .gnu_debuglink} section.
 */
final class PeBuilder {

    static final int COFF = 0x44;
    static final int OPTIONAL = 0x58;
    static final int RDATA_OFFSET = 0x400;
    static final int RDATA_RVA = 0x1000;

    private final int machine;
    private final boolean plus;
    private boolean dll;
    private int subsystem = 3;
    private final List<String> imports = new ArrayList<>();
    private final List<String> exports = new ArrayList<>();
    private String exportName = "demo.dll";
    private final List<String> extraSections = new ArrayList<>();
    private byte[] debugLink;

    PeBuilder(int machine, boolean pe32Plus) {
        this.machine = machine;
        this.plus = pe32Plus;
    }

    PeBuilder dll(String name) {
        dll = true;
        exportName = name;
        return this;
    }

    PeBuilder subsystem(int value) {
        subsystem = value;
        return this;
    }

    PeBuilder imports(String... dlls) {
        imports.addAll(List.of(dlls));
        return this;
    }

    PeBuilder exports(String... names) {
        exports.addAll(List.of(names));
        return this;
    }

    PeBuilder section(String name) {
        extraSections.add(name);
        return this;
    }

    PeBuilder debugLink(String file, int crc) {
        byte[] name = (file + "\0").getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate((name.length + 3) / 4 * 4 + 4).order(ByteOrder.LITTLE_ENDIAN);
        b.put(name).putInt(b.capacity() - 4, crc);
        debugLink = b.array();
        return this;
    }

    int optionalSize() {
        return plus ? 240 : 224;
    }

    int sectionTable() {
        return OPTIONAL + optionalSize();
    }

    byte[] build() {
        byte[] rdata = rdata();
        int rdataRaw = align(rdata.length);
        int sectionCount = 1 + extraSections.size() + (debugLink == null ? 0 : 1);
        int next = RDATA_OFFSET + rdataRaw;
        int linkOffset = next;
        if (debugLink != null) {
            next += align(debugLink.length);
        }
        ByteArrayOutputStream strings = new ByteArrayOutputStream();
        strings.writeBytes(new byte[4]);
        List<String> names = new ArrayList<>();
        List<String> wanted = new ArrayList<>(extraSections);
        if (debugLink != null) {
            wanted.add(".gnu_debuglink");
        }
        for (String name : wanted) {
            if (name.length() > 8) {
                names.add("/" + strings.size());
                strings.writeBytes((name + "\0").getBytes(StandardCharsets.UTF_8));
            } else {
                names.add(name);
            }
        }
        int stringTable = next;
        ByteBuffer out = ByteBuffer.allocate(stringTable + strings.size()).order(ByteOrder.LITTLE_ENDIAN);
        out.putShort(0, (short) 0x5a4d).putInt(0x3c, 0x40).putInt(0x40, 0x4550);
        out.position(COFF);
        out.putShort((short) machine).putShort((short) sectionCount).putInt(0)
                .putInt(strings.size() > 4 ? stringTable : 0).putInt(0).putShort((short) optionalSize())
                .putShort((short) (0x0002 | (dll ? 0x2000 : 0)));
        out.putShort(OPTIONAL, (short) (plus ? 0x20b : 0x10b));
        out.putInt(OPTIONAL + 60, RDATA_OFFSET);
        out.putShort(OPTIONAL + 68, (short) subsystem);
        int directories = OPTIONAL + (plus ? 112 : 96);
        out.putInt(OPTIONAL + (plus ? 108 : 92), 16);
        int exportAt = exportDirectoryOffset();
        if (!exports.isEmpty()) {
            out.putInt(directories, RDATA_RVA + exportAt).putInt(directories + 4, 40);
        }
        if (!imports.isEmpty()) {
            out.putInt(directories + 8, RDATA_RVA).putInt(directories + 12, (imports.size() + 1) * 20);
        }
        out.position(sectionTable());
        sectionHeader(out, ".rdata", rdata.length, RDATA_RVA, rdataRaw, RDATA_OFFSET);
        for (int i = 0; i < extraSections.size(); i++) {
            sectionHeader(out, names.get(i), 0x10, 0x10000 + 0x1000 * i, 0, 0);
        }
        if (debugLink != null) {
            sectionHeader(out, names.get(names.size() - 1), debugLink.length, 0x8000, align(debugLink.length),
                    linkOffset);
            out.put(linkOffset, debugLink);
        }
        out.put(RDATA_OFFSET, rdata);
        out.put(stringTable, strings.toByteArray());
        out.putInt(stringTable, strings.size());
        return out.array();
    }

    /** Offset of the export directory inside .rdata (after the import descriptors). */
    int exportDirectoryOffset() {
        return (imports.size() + 1) * 20;
    }

    private byte[] rdata() {
        ByteBuffer b = ByteBuffer.allocate(4096).order(ByteOrder.LITTLE_ENDIAN);
        int exportAt = exportDirectoryOffset();
        int strings = exportAt + 40 + 4 * exports.size();
        b.position(strings);
        for (int i = 0; i < imports.size(); i++) {
            b.putInt(i * 20, RDATA_RVA + b.position()).putInt(i * 20 + 12, RDATA_RVA + b.position());
            b.put((imports.get(i) + "\0").getBytes(StandardCharsets.US_ASCII));
        }
        if (!exports.isEmpty()) {
            b.putInt(exportAt + 12, RDATA_RVA + b.position());
            b.put((exportName + "\0").getBytes(StandardCharsets.US_ASCII));
            b.putInt(exportAt + 20, exports.size()).putInt(exportAt + 24, exports.size())
                    .putInt(exportAt + 32, RDATA_RVA + exportAt + 40);
            for (int i = 0; i < exports.size(); i++) {
                b.putInt(exportAt + 40 + 4 * i, RDATA_RVA + b.position());
                b.put((exports.get(i) + "\0").getBytes(StandardCharsets.US_ASCII));
            }
        }
        byte[] content = new byte[b.position()];
        b.get(0, content);
        return content;
    }

    private static void sectionHeader(ByteBuffer out, String name, int virtualSize, int rva, int rawSize,
            int rawOffset) {
        byte[] bytes = new byte[8];
        byte[] text = name.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, bytes, 0, Math.min(8, text.length));
        out.put(bytes).putInt(virtualSize).putInt(rva).putInt(rawSize).putInt(rawOffset).putInt(0).putInt(0)
                .putShort((short) 0).putShort((short) 0).putInt(0x40000040);
    }

    private static int align(int size) {
        return (size + 0x1ff) / 0x200 * 0x200;
    }
}
