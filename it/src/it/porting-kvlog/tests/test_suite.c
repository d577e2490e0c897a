/* Writes the Test Anything Protocol: one line per case. */
#include <stdio.h>
#include <string.h>

#include "kvlog.h"

int main(void) {
    static unsigned char packed[1024];
    static char out[1024];
    kvlog_record one[] = { { "level", "warn" } };

    printf("1..3\n");
    long empty = kvlog_pack(NULL, 0, packed, sizeof packed);
    printf("%s 1 - an empty log packs and unpacks\n",
            empty > 0 && kvlog_unpack(packed, (size_t) empty, out, sizeof out) == 0 ? "ok" : "not ok");
    long size = kvlog_pack(one, 1, packed, sizeof packed);
    printf("%s 2 - one record\n",
            kvlog_unpack(packed, (size_t) size, out, sizeof out) == 1 && strcmp(out, "level=warn\n") == 0
                    ? "ok" : "not ok");
    packed[size - 1] ^= 0xff;
    printf("%s 3 - a damaged log is refused\n",
            kvlog_unpack(packed, (size_t) size, out, sizeof out) == -1 ? "ok" : "not ok");
    return 0;
}
