#include "calc.h"

/* CALC_FLAG comes from the POM's <defines>. */
int calc_flag(void)
{
    return CALC_FLAG;
}
