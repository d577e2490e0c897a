package dev.crossbuild.binary;

/** One entry of an ELF program header table; {@code flags} is {@code p_flags} ({@code PF_X}, {@code PF_W}, {@code PF_R}). */
record ElfSegment(long type, long flags, long offset, long address, long fileSize) {

    static final long PT_LOAD = 1;
    static final long PT_DYNAMIC = 2;
    static final long PT_INTERP = 3;
    static final long PT_NOTE = 4;
    static final long PT_GNU_STACK = 0x6474e551L;
    static final long PF_X = 1;

    boolean contains(long virtualAddress) {
        return type == PT_LOAD && Long.compareUnsigned(virtualAddress, address) >= 0
                && Long.compareUnsigned(virtualAddress - address, fileSize) < 0;
    }
}
