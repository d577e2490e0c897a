#include <stdio.h>
#include "calc.h"

int main(void) {
    printf("%d\n", calc_a(1) + calc_b(2) + calc_c(3) + calc_d(4) + calc_e(5) + calc_f(6));
    return 0;
}
