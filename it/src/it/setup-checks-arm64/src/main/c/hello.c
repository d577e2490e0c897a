#include "cross_config.h"

long cross_sizeof_long(void) { return SIZEOF_LONG; }
