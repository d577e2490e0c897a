/* A benchmark with its own main(): built by `make bench`, never part of the library. */
#include <stdio.h>
#include <time.h>

#include "kvlog.h"

int main(void) {
    static unsigned char buf[1 << 16];
    kvlog_record records[] = { { "host", "build-01" }, { "level", "info" } };
    clock_t start = clock();
    for (int i = 0; i < 100000; i++) {
        kvlog_pack(records, 2, buf, sizeof buf);
    }
    printf("%.3f s\n", (double) (clock() - start) / CLOCKS_PER_SEC);
    return 0;
}
