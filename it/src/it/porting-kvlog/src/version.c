#include "kvlog.h"

/* KVLOG_VERSION comes from the build: -DKVLOG_VERSION="2.1.0" */
const char *kvlog_version(void) {
    return KVLOG_VERSION;
}
