#include "kvlog.h"

#include <zlib.h>

uint32_t kvlog_crc32(const void *data, size_t size) {
    return (uint32_t) crc32(0L, data, (uInt) size);
}
