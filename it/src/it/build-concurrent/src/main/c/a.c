#include "calc.h"

int calc_a(int x) { return x + 97; }
