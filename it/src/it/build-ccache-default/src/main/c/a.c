#include "calc.h"
#include "shared.h"

int calc_add(int a, int b)
{
    return a + b + SHARED_OFFSET;
}
