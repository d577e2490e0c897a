/* Needs nothing newer than GLIBC_2.17 from libc: no portability problem. */
#include <string.h>

int demo_length(const char *text)
{
    return (int) strlen(text);
}
