package dev.crossbuild.binary;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes small Mach-O files by the layout in Apple's {@code <mach-o/loader.h>} and {@code <mach-o/fat.h>}, for
 * tests on a machine without a Mach-O toolchain: a header, load commands ({@code dylib_command},
 * {@code rpath_command}, {@code uuid_command}, {@code symtab_command}) and the symbol and string tables.
 */
final class MachOBuilder {

    static final int LC_SYMTAB = 0x2;
    static final int LC_LOAD_DYLIB = 0xc;
    static final int LC_ID_DYLIB = 0xd;
    static final int LC_UUID = 0x1b;
    static final int LC_LOAD_WEAK_DYLIB = 0x80000018;
    static final int LC_RPATH = 0x8000001c;
    static final int CPU_TYPE_X86_64 = 0x01000007;
    static final int CPU_TYPE_ARM64 = 0x0100000c;
    static final int CPU_TYPE_POWERPC = 18;
    static final int MH_EXECUTE = 2;
    static final int MH_DYLIB = 6;

    private final boolean is64;
    private final ByteOrder order;
    private final int cpuType;
    private final int fileType;
    private final List<byte[]> commands = new ArrayList<>();
    private final List<String[]> symbols = new ArrayList<>();

    MachOBuilder(boolean is64, ByteOrder order, int cpuType, int fileType) {
        this.is64 = is64;
        this.order = order;
        this.cpuType = cpuType;
        this.fileType = fileType;
    }

    /** {@code dylib_command}: cmd, cmdsize, name offset (24), timestamp, current and compatibility version, name. */
    MachOBuilder dylib(int cmd, String name) {
        byte[] text = (name + "\0").getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = buffer(align(24 + text.length));
        b.putInt(cmd).putInt(b.capacity()).putInt(24).putInt(2).putInt(0x10000).putInt(0x10000).put(text);
        commands.add(b.array());
        return this;
    }

    MachOBuilder rpath(String path) {
        byte[] text = (path + "\0").getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = buffer(align(12 + text.length));
        b.putInt(LC_RPATH).putInt(b.capacity()).putInt(12).put(text);
        commands.add(b.array());
        return this;
    }

    MachOBuilder uuid(byte[] uuid) {
        ByteBuffer b = buffer(24);
        b.putInt(LC_UUID).putInt(24).put(uuid);
        commands.add(b.array());
        return this;
    }

    /** A raw load command, for malformed inputs. */
    MachOBuilder raw(int... words) {
        ByteBuffer b = buffer(words.length * 4);
        for (int w : words) {
            b.putInt(w);
        }
        commands.add(b.array());
        return this;
    }

    /** A symbol: {@code type} is n_type (0x0f = N_SECT|N_EXT, 0x0e = local N_SECT, 0x01 = undefined external). */
    MachOBuilder symbol(String name, int type) {
        symbols.add(new String[] {name, Integer.toString(type)});
        return this;
    }

    byte[] build() {
        int headerSize = is64 ? 32 : 28;
        int symtabSize = symbols.isEmpty() ? 0 : 24;
        int commandsSize = commands.stream().mapToInt(c -> c.length).sum() + symtabSize;
        int symbolsOffset = headerSize + commandsSize;
        int entrySize = is64 ? 16 : 12;
        ByteArrayOutputStream strings = new ByteArrayOutputStream();
        strings.write(0);
        ByteBuffer table = buffer(symbols.size() * entrySize);
        for (String[] symbol : symbols) {
            table.putInt(strings.size()).put((byte) Integer.parseInt(symbol[1])).put((byte) 1).putShort((short) 0);
            if (is64) {
                table.putLong(0x1000);
            } else {
                table.putInt(0x1000);
            }
            strings.writeBytes((symbol[0] + "\0").getBytes(StandardCharsets.UTF_8));
        }
        int stringsOffset = symbolsOffset + table.capacity();
        ByteBuffer out = buffer(stringsOffset + strings.size());
        out.putInt(is64 ? 0xfeedfacf : 0xfeedface).putInt(cpuType).putInt(0).putInt(fileType)
                .putInt(commands.size() + (symbols.isEmpty() ? 0 : 1)).putInt(commandsSize).putInt(0);
        if (is64) {
            out.putInt(0);
        }
        commands.forEach(out::put);
        if (!symbols.isEmpty()) {
            out.putInt(LC_SYMTAB).putInt(24).putInt(symbolsOffset).putInt(symbols.size()).putInt(stringsOffset)
                    .putInt(strings.size());
        }
        out.put(table.array()).put(strings.toByteArray());
        return out.array();
    }

    /** A universal file: big-endian {@code fat_header} and {@code fat_arch} entries, each slice 4096-aligned. */
    static byte[] fat(byte[]... slices) {
        int offset = 4096;
        List<int[]> entries = new ArrayList<>();
        for (byte[] slice : slices) {
            ByteBuffer in = ByteBuffer.wrap(slice).order(ByteOrder.LITTLE_ENDIAN);
            entries.add(new int[] {in.getInt(4), in.getInt(8), offset, slice.length});
            offset += (slice.length + 4095) / 4096 * 4096;
        }
        ByteBuffer out = ByteBuffer.allocate(offset).order(ByteOrder.BIG_ENDIAN);
        out.putInt(0xcafebabe).putInt(slices.length);
        for (int[] e : entries) {
            out.putInt(e[0]).putInt(e[1]).putInt(e[2]).putInt(e[3]).putInt(12);
        }
        for (int i = 0; i < slices.length; i++) {
            out.put(entries.get(i)[2], slices[i]);
        }
        return out.array();
    }

    private ByteBuffer buffer(int size) {
        return ByteBuffer.allocate(size).order(order);
    }

    private int align(int size) {
        int to = is64 ? 8 : 4;
        return (size + to - 1) / to * to;
    }
}
