#include "calc.h"

int calc_f(int x) { return x + 102; }
