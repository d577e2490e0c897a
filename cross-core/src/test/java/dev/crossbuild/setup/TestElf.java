package dev.crossbuild.setup;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The smallest ELF64 little-endian executable the binary reader accepts: a header and one PT_INTERP segment. */
final class TestElf {

    static final int EM_X86_64 = 62;
    static final int EM_AARCH64 = 183;

    private TestElf() {
    }

    static Path write(Path file, int machine, String interpreter) throws IOException {
        byte[] interp = (interpreter + "\0").getBytes(StandardCharsets.US_ASCII);
        ByteBuffer out = ByteBuffer.allocate(120 + interp.length).order(ByteOrder.LITTLE_ENDIAN);
        out.put(new byte[] {0x7f, 'E', 'L', 'F', 2, 1, 1, 0}).put(new byte[8]);
        out.putShort((short) 2).putShort((short) machine).putInt(1);   // ET_EXEC, e_machine, e_version
        out.putLong(0).putLong(64).putLong(0);                          // e_entry, e_phoff, e_shoff (no sections)
        out.putInt(0).putShort((short) 64).putShort((short) 56).putShort((short) 1);   // e_flags, sizes, e_phnum
        out.putShort((short) 64).putShort((short) 0).putShort((short) 0);              // e_shentsize, e_shnum, e_shstrndx
        out.putInt(3).putInt(4).putLong(120).putLong(120).putLong(120)               // PT_INTERP, R, offset, vaddr, paddr
                .putLong(interp.length).putLong(interp.length).putLong(1);
        out.put(interp);
        Files.createDirectories(file.getParent());
        return Files.write(file, out.array());
    }
}
