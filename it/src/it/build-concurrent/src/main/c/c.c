#include "calc.h"

int calc_c(int x) { return x + 99; }
