/* Takes a few seconds, so the two builds of this IT surely overlap: one of them must wait for the other. */
#include <stdio.h>
#include <unistd.h>
#include "calc.h"

int main(void) {
    sleep(3);
    printf("calc_a(1) = %d\n", calc_a(1));
    return calc_a(1) == 98 ? 0 : 1;
}
