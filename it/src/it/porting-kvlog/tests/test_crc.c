#include <stdio.h>

#include "kvlog.h"

int main(void) {
    uint32_t crc = kvlog_crc32("123456789", 9);
    if (crc != 0xCBF43926u) {
        printf("crc32 of the check string: %08x\n", (unsigned) crc);
        return 1;
    }
    return 0;
}
