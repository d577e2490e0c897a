#include "calc.h"

int calc_b(int x) { return x + 98; }
