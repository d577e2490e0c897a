/* Round-trips 64 KiB through libsqueeze (and so through the host machine's zlib from the private sysroot), under
 * qemu; prints what it did for verify.groovy. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "squeeze.h"

#if defined(__aarch64__)
#define CPU_FAMILY "aarch64"
#elif defined(__riscv) && __riscv_xlen == 64
#define CPU_FAMILY "riscv64"
#else
#define CPU_FAMILY "unknown"
#endif

int main(void)
{
    size_t length = 65536;
    unsigned char *data = malloc(length);
    for (size_t i = 0; i < length; i++) {
        data[i] = (unsigned char) ("cross builds zlib for every target "[i % 35] + (i / 4096));
    }
    size_t packed_length = squeeze_bound(length);
    unsigned char *packed = malloc(packed_length);
    if (squeeze_compress(data, length, packed, &packed_length) != 0) {
        fprintf(stderr, "compress failed\n");
        return 1;
    }
    size_t back_length = length;
    unsigned char *back = malloc(length);
    if (squeeze_uncompress(packed, packed_length, back, &back_length) != 0 || back_length != length
            || memcmp(data, back, length) != 0) {
        fprintf(stderr, "the round trip changed the data\n");
        return 1;
    }
    printf("zlib %s round trip ok on %s: %zu -> %zu bytes\n", squeeze_zlib_version(), CPU_FAMILY, length,
           packed_length);
    return packed_length < length / 4 ? 0 : 1;
}
