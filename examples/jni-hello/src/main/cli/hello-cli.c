/* A tiny native tool: says which CPU family it was compiled for, by the compiler's predefined macros.
 * Names are Meson's cpu_family values, so the output can be compared with setup.json's host.cpu_family. */
#include <stdio.h>

#if defined(__aarch64__)
#define CPU_FAMILY "aarch64"
#elif defined(__arm__)
#define CPU_FAMILY "arm"
#elif defined(__riscv) && __riscv_xlen == 64
#define CPU_FAMILY "riscv64"
#elif defined(__riscv)
#define CPU_FAMILY "riscv32"
#elif defined(__powerpc64__)
#define CPU_FAMILY "ppc64"
#elif defined(__powerpc__)
#define CPU_FAMILY "ppc"
#elif defined(__s390x__)
#define CPU_FAMILY "s390x"
#elif defined(__x86_64__) || defined(_M_X64)
#define CPU_FAMILY "x86_64"
#elif defined(__i386__) || defined(_M_IX86)
#define CPU_FAMILY "x86"
#else
#define CPU_FAMILY "unknown"
#endif

int main(void)
{
    printf("hello from %s\n", CPU_FAMILY);
    return 0;
}
