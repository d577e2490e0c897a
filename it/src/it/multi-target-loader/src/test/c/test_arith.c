/* A native test program, built and run for every target: natively, under qemu-user, under Wine. */
#include <stdio.h>
#include "arith.h"

int main(void) {
    int sum = arith_add(40, 2);
    printf("arith_add(40, 2) = %d\n", sum);
    return sum == 42 ? 0 : 1;
}
