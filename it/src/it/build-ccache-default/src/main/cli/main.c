#include <stdio.h>

#include "calc.h"

int main(void)
{
    printf("calc-cli: %d %d flag %d\n", calc_add(40, 2), calc_sub(44, 2), calc_flag());
    return 0;
}
