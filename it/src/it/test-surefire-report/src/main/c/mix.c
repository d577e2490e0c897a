#include "mix.h"

int mix(int a, int b) { return a * 10 + b; }

const char *mix_arch(void) {
#if defined(__aarch64__)
    return "aarch64";
#elif defined(__riscv) && __riscv_xlen == 64
    return "riscv64";
#elif defined(__x86_64__) && defined(_WIN32)
    return "x86_64-windows";
#else
    return "other";
#endif
}
