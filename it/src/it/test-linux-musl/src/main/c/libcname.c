/* libcname: a shared library for a musl machine. glibc's headers define __GLIBC__; musl's define nothing of the
 * kind, so the answer says whose headers the compiler read. */
#include <string.h>
#include "libcname.h"

const char *libcname_built(void)
{
#if defined(__GLIBC__)
    return "glibc";
#else
    return "musl";
#endif
}

unsigned long libcname_length(const char *text)
{
    return (unsigned long) strlen(text);
}
