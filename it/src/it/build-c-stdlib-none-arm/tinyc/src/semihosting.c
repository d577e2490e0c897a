#include "semihosting.h"

/* The A32 semihosting trap: SVC 0x123456 with the operation in r0 and its argument in r1. */
int semihosting_call(int operation, const void *argument) {
    register int r0 __asm__("r0") = operation;
    register const void *r1 __asm__("r1") = argument;
    __asm__ volatile("svc 0x123456" : "+r"(r0) : "r"(r1) : "memory");
    return r0;
}
