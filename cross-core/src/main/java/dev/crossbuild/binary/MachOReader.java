package dev.crossbuild.binary;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Parses thin Mach-O headers and load commands, and the {@code fat_arch} tables of universal files. */
final class MachOReader {

    static final long MH_MAGIC = 0xfeedfaceL;
    static final long MH_MAGIC_64 = 0xfeedfacfL;
    static final long FAT_MAGIC = 0xcafebabeL;
    static final long FAT_MAGIC_64 = 0xcafebabfL;
    /** Java class files share FAT_MAGIC; their next word (minor << 16 | major) is at least 45, a fat count is small. */
    static final long MAX_FAT_ARCHES = 44;

    private static final long LC_SYMTAB = 0x2;
    private static final long LC_LOAD_DYLIB = 0xc;
    private static final long LC_ID_DYLIB = 0xd;
    private static final long LC_UUID = 0x1b;
    private static final long LC_LAZY_LOAD_DYLIB = 0x20;
    private static final long LC_LOAD_WEAK_DYLIB = 0x80000018L;
    private static final long LC_RPATH = 0x8000001cL;
    private static final long LC_REEXPORT_DYLIB = 0x8000001fL;
    private static final long LC_LOAD_UPPER_DYLIB = 0x80000023L;

    private MachOReader() {
    }

    static MachOFile read(ByteSource big) throws BinaryFormatException {
        long magic = big.size() >= 4 ? big.u32(0, "magic") : 0;
        if (magic == FAT_MAGIC || magic == FAT_MAGIC_64) {
            return new MachOFile(big.file(), true, fat(big, magic == FAT_MAGIC_64));
        }
        return new MachOFile(big.file(), false, List.of(thin(big)));
    }

    private static List<MachOImage> fat(ByteSource in, boolean wide) throws BinaryFormatException {
        long count = in.u32(4, "nfat_arch");
        if (count == 0 || count > MAX_FAT_ARCHES) {
            throw in.error("universal header claims " + count + " architectures");
        }
        int entrySize = wide ? 32 : 20;
        in.checkTable(8, count, entrySize, "fat_arch table");
        List<MachOImage> images = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            long at = 8 + i * entrySize;
            long offset = wide ? in.u64(at + 8, "fat_arch offset") : in.u32(at + 8, "fat_arch offset");
            long size = wide ? in.u64(at + 16, "fat_arch size") : in.u32(at + 12, "fat_arch size");
            byte[] slice = in.bytes(offset, size, "architecture " + i + " of the universal file");
            MachOImage image = thin(new ByteSource(in.file() + "[" + i + "]", slice, Endianness.BIG));
            int declared = (int) in.u32(at, "fat_arch cputype");
            if (image.cpuType() != declared) {
                throw in.error("fat_arch " + i + " says cputype " + ByteSource.hex(declared) + " but its image is "
                        + image.cpuName());
            }
            images.add(image);
        }
        return List.copyOf(images);
    }

    private static MachOImage thin(ByteSource source) throws BinaryFormatException {
        ByteSource in = source.withOrder(Endianness.LITTLE);
        long magic = in.size() >= 4 ? in.u32(0, "magic") : 0;
        if (magic != MH_MAGIC && magic != MH_MAGIC_64) {
            in = in.withOrder(Endianness.BIG);
            magic = in.size() >= 4 ? in.u32(0, "magic") : 0;
            if (magic != MH_MAGIC && magic != MH_MAGIC_64) {
                throw in.error("not a Mach-O file (no 0xfeedface / 0xfeedfacf / 0xcafebabe magic)");
            }
        }
        boolean is64 = magic == MH_MAGIC_64;
        long headerSize = is64 ? 32 : 28;
        in.check(0, headerSize, "Mach-O header");
        long commandCount = in.u32(16, "ncmds");
        long commandsSize = in.u32(20, "sizeofcmds");
        in.check(headerSize, commandsSize, "load commands (sizeofcmds)");
        LoadCommands commands = new LoadCommands();
        long at = headerSize;
        long end = headerSize + commandsSize;
        for (long i = 0; i < commandCount; i++) {
            if (at + 8 > end) {
                throw in.error("load command " + i + " of " + commandCount + " starts past sizeofcmds (" + commandsSize
                        + " bytes)");
            }
            long cmd = in.u32(at, "load command");
            long size = in.u32(at + 4, "cmdsize");
            if (size < 8 || at + size > end) {
                throw in.error("load command " + i + " (" + ByteSource.hex(cmd) + ") has cmdsize " + size
                        + ", outside the load commands");
            }
            commands.add(in, cmd, at, size, is64);
            at += size;
        }
        return new MachOImage((int) in.u32(4, "cputype"), (int) in.u32(8, "cpusubtype"), is64, in.order(),
                (int) in.u32(12, "filetype"), commands.loadDylibs, commands.idDylib, commands.rpaths, commands.uuid,
                commands.exports);
    }

    /** The load commands that matter, collected in file order. */
    private static final class LoadCommands {
        final List<String> loadDylibs = new ArrayList<>();
        final List<String> rpaths = new ArrayList<>();
        final List<String> exports = new ArrayList<>();
        Optional<String> idDylib = Optional.empty();
        Optional<String> uuid = Optional.empty();

        void add(ByteSource in, long cmd, long at, long size, boolean is64) throws BinaryFormatException {
            if (cmd == LC_LOAD_DYLIB || cmd == LC_LOAD_WEAK_DYLIB || cmd == LC_REEXPORT_DYLIB
                    || cmd == LC_LAZY_LOAD_DYLIB || cmd == LC_LOAD_UPPER_DYLIB) {
                loadDylibs.add(string(in, at, size, "dylib name"));
            } else if (cmd == LC_ID_DYLIB) {
                idDylib = Optional.of(string(in, at, size, "LC_ID_DYLIB name"));
            } else if (cmd == LC_RPATH) {
                rpaths.add(string(in, at, size, "LC_RPATH path"));
            } else if (cmd == LC_UUID && size >= 24) {
                uuid = Optional.of(HexFormat.of().formatHex(in.bytes(at + 8, 16, "LC_UUID")));
            } else if (cmd == LC_SYMTAB && size >= 24) {
                exports.addAll(MachOSymbols.exported(in, in.u32(at + 8, "symoff"), in.u32(at + 12, "nsyms"),
                        in.u32(at + 16, "stroff"), in.u32(at + 20, "strsize"), is64));
            }
        }

        /** An {@code lc_str}: an offset from the command's start, the string ending within the command. */
        private static String string(ByteSource in, long at, long size, String what) throws BinaryFormatException {
            long offset = in.u32(at + 8, what + " offset");
            if (offset < 12 || offset >= size) {
                throw in.error(what + " offset " + offset + " lies outside its load command (" + size + " bytes)");
            }
            return in.cString(at + offset, at + size, what);
        }
    }
}
