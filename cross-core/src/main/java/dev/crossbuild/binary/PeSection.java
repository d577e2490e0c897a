package dev.crossbuild.binary;

/** One PE section header, with a long name ({@code /123}) already looked up in the COFF string table. */
record PeSection(String name, long virtualSize, long virtualAddress, long rawSize, long rawOffset) {

    /** The file offset of {@code rva} when this section's raw data holds it, else -1. */
    long offsetOf(long rva) {
        long delta = rva - virtualAddress;
        return rva >= virtualAddress && delta < rawSize && delta < Math.max(virtualSize, rawSize)
                ? rawOffset + delta
                : -1;
    }

    /** The end of this section's raw data in the file. */
    long rawEnd() {
        return rawOffset + rawSize;
    }

    /** The meaningful bytes: the virtual size when it is set and smaller (raw data is padded to the file alignment). */
    long contentSize() {
        return virtualSize > 0 && virtualSize < rawSize ? virtualSize : rawSize;
    }
}
