package dev.crossbuild.binary;

/** One entry of an ELF program header table. */
record ElfSegment(long type, long offset, long address, long fileSize) {

    static final long PT_LOAD = 1;
    static final long PT_DYNAMIC = 2;
    static final long PT_INTERP = 3;
    static final long PT_NOTE = 4;

    boolean contains(long virtualAddress) {
        return type == PT_LOAD && Long.compareUnsigned(virtualAddress, address) >= 0
                && Long.compareUnsigned(virtualAddress - address, fileSize) < 0;
    }
}
