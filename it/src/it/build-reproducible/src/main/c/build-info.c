/* What a build bakes into a library by itself: the source's path (__FILE__) and the compile time (__DATE__,
 * __TIME__). Reproducible builds make both independent of where and when the library is built: the path relative to
 * the module (-ffile-prefix-map), the time SOURCE_DATE_EPOCH's. */
#include "demo.h"

const char *demo_build_info(void)
{
    return "build-info: " __FILE__ " at " __DATE__ " " __TIME__;
}
