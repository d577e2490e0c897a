#include <stdio.h>

#include "calc.h"

int calc_digits(int value);

int main(void)
{
    printf("calc-cli: %d %d flag %d digits %d\n", calc_add(40, 2), calc_sub(44, 2), calc_flag(), calc_digits(4096));
    return 0;
}
