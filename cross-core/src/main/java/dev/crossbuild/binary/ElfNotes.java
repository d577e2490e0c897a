package dev.crossbuild.binary;

import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Finds the GNU build ID ({@code NT_GNU_BUILD_ID} in a note owned by {@code "GNU"}) in the note sections, or in
 * the {@code PT_NOTE} segments of a file without section headers. A debug file made by
 * {@code objcopy --only-keep-debug} keeps its notes, so its build ID equals the stripped file's.
 */
final class ElfNotes {

    private static final long NT_GNU_BUILD_ID = 3;

    private ElfNotes() {
    }

    static Optional<String> buildId(ByteSource in, ElfTables tables) throws BinaryFormatException {
        if (!tables.sections().isEmpty()) {
            for (ElfSection section : tables.sectionsOfType(ElfSection.SHT_NOTE)) {
                Optional<String> id = search(in, section.offset(), section.size(), section.align());
                if (id.isPresent()) {
                    return id;
                }
            }
            return Optional.empty();
        }
        List<ElfSegment> notes = tables.segmentsOfType(ElfSegment.PT_NOTE);
        for (ElfSegment segment : notes) {
            Optional<String> id = search(in, segment.offset(), segment.fileSize(), 4);
            if (id.isPresent()) {
                return id;
            }
        }
        return Optional.empty();
    }

    private static Optional<String> search(ByteSource in, long offset, long size, long align)
            throws BinaryFormatException {
        in.check(offset, size, "note section");
        long alignment = align == 8 ? 8 : 4;
        long at = offset;
        long end = offset + size;
        while (at + 12 <= end) {
            long nameSize = in.u32(at, "note namesz");
            long descSize = in.u32(at + 4, "note descsz");
            long type = in.u32(at + 8, "note type");
            long name = at + 12;
            // Padding aligns positions within the section (gABI), so 8-byte notes put desc at 16 after a 4-byte name.
            long desc = offset + roundUp(name - offset + nameSize, alignment);
            if (desc + descSize > end) {
                throw in.error("note at offset " + ByteSource.hex(at) + " runs past the end of its section");
            }
            if (type == NT_GNU_BUILD_ID && nameSize == 4 && "GNU".equals(in.cString(name, name + 4, "note name"))) {
                return Optional.of(HexFormat.of().formatHex(in.bytes(desc, descSize, "build ID")));
            }
            at = offset + roundUp(desc - offset + descSize, alignment);
        }
        return Optional.empty();
    }

    private static long roundUp(long value, long alignment) {
        return (value + alignment - 1) & -alignment;
    }
}
