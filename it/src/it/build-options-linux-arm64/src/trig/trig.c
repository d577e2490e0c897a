#include <math.h>

/* cos() is libm's; this library does not link -lm (no <linkerArgs>), so it is under-linked. */
double trig_cos(double x) {
    return cos(x);
}
