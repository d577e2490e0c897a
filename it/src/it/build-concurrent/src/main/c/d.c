#include "calc.h"

int calc_d(int x) { return x + 100; }
