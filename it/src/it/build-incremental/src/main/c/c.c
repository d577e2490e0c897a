#include "calc.h"
#include "other.h"

/* CALC_FLAG and CALC_BROKEN come from the POM's <defines> (properties calc.flag and calc.broken). */
#if CALC_BROKEN
int calc_broken(void) { return OTHER_VALUE }
#endif

int calc_flag(void)
{
    return CALC_FLAG;
}
