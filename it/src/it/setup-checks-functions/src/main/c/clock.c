#include <time.h>
#include "cross_config.h"

#ifdef HAVE_CLOCK_GETTIME
int cross_now(struct timespec *t) { return clock_gettime(CLOCK_MONOTONIC, t); }
#endif
