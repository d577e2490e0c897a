#include <zlib.h>

unsigned long squeeze_bound(unsigned long length) {
    return compressBound(length);
}
