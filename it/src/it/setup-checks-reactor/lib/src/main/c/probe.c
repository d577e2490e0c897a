#include "probe_config.h"
#include "cross_config.h"

#ifndef HAVE_PROBE_CONFIG_H
#error "the check did not find probe_config.h, which this compile finds"
#endif

int probe_answer(void) { return PROBE_ANSWER; }
