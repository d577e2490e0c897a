package dev.crossbuild.nativebuild;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The members of a static archive ({@code ar} format, GNU and BSD name variants), for verifying the objects inside
 * a static library. Symbol tables and the long-name table are skipped.
 */
final class ArArchive {

    static final String MAGIC = "!<arch>\n";
    private static final int HEADER = 60;

    record Member(String name, byte[] content) {
    }

    private ArArchive() {
    }

    static boolean isArchive(byte[] content) {
        return content.length >= MAGIC.length()
                && new String(content, 0, MAGIC.length(), StandardCharsets.ISO_8859_1).equals(MAGIC);
    }

    /** @throws IllegalArgumentException with the problem when the archive is malformed */
    static List<Member> members(byte[] content) {
        try {
            return read(content);
        } catch (NumberFormatException | IndexOutOfBoundsException e) {
            throw new IllegalArgumentException("damaged member name or size (" + e.getMessage() + ")");
        }
    }

    private static List<Member> read(byte[] content) {
        if (!isArchive(content)) {
            throw new IllegalArgumentException("not an ar archive");
        }
        List<Member> members = new ArrayList<>();
        String longNames = "";
        int offset = MAGIC.length();
        while (offset + HEADER <= content.length) {
            String header = new String(content, offset, HEADER, StandardCharsets.ISO_8859_1);
            if (!header.endsWith("`\n")) {
                throw new IllegalArgumentException("damaged member header at offset " + offset);
            }
            String name = header.substring(0, 16).trim();
            long size;
            try {
                size = Long.parseLong(header.substring(48, 58).trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("damaged member size at offset " + offset);
            }
            int start = offset + HEADER;
            if (size < 0 || start + size > content.length) {
                throw new IllegalArgumentException("member at offset " + offset + " runs past the end of the file");
            }
            int length = (int) size;
            int dataStart = start;
            if (name.startsWith("#1/")) {                       // BSD: the name follows the header
                int nameLength = Integer.parseInt(name.substring(3));
                name = new String(content, start, nameLength, StandardCharsets.UTF_8).replace("\0", "");
                dataStart += nameLength;
                length -= nameLength;
            }
            if (name.equals("//")) {
                longNames = new String(content, start, length, StandardCharsets.UTF_8);
            } else if (!name.equals("/") && !name.equals("/SYM64/") && !name.startsWith("__.SYMDEF")) {
                if (name.startsWith("/") && name.length() > 1) {  // GNU: offset into the long-name table
                    int at = Integer.parseInt(name.substring(1));
                    int end = longNames.indexOf('\n', at);
                    name = longNames.substring(at, end < 0 ? longNames.length() : end);
                }
                if (name.endsWith("/")) {
                    name = name.substring(0, name.length() - 1);
                }
                byte[] data = new byte[length];
                System.arraycopy(content, dataStart, data, 0, length);
                members.add(new Member(name, data));
            }
            offset = start + (int) size + (int) (size % 2);
        }
        return members;
    }
}
