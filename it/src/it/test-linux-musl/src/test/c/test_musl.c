/* Runs under the musl dynamic loader (qemu-aarch64 -L <sysroot> for aarch64, natively for x86_64). */
#include <stdio.h>
#include <string.h>
#include "libcname.h"

#if defined(__aarch64__)
#define CPU_FAMILY "aarch64"
#elif defined(__x86_64__)
#define CPU_FAMILY "x86_64"
#else
#define CPU_FAMILY "unknown"
#endif

int main(void)
{
    if (strcmp(libcname_built(), "musl") != 0 || libcname_length("musl") != 4) {
        fprintf(stderr, "built against %s\n", libcname_built());
        return 1;
    }
    printf("built against %s, running on %s\n", libcname_built(), CPU_FAMILY);
    return 0;
}
