#include "calc.h"
#include "shared.h"

int calc_sub(int a, int b)
{
    return a - b + SHARED_OFFSET;
}
