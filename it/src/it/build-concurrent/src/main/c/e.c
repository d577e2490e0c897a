#include "calc.h"

int calc_e(int x) { return x + 101; }
