#ifndef KVLOG_H
#define KVLOG_H

#include <stddef.h>
#include <stdint.h>

/* One record of a log: a key and a value, both text without '=' or newlines in the key. */
typedef struct {
    const char *key;
    const char *value;
} kvlog_record;

/* CRC-32 (zlib's) of size bytes. */
uint32_t kvlog_crc32(const void *data, size_t size);

/* Packs records into buf: a "KVL1" header, the CRC of the text, then the deflated "key=value\n" lines.
 * Returns the packed size, or -1 when buf is too small. */
long kvlog_pack(const kvlog_record *records, size_t count, unsigned char *buf, size_t size);

/* Unpacks buf into out as "key=value\n" lines, NUL-terminated. Returns the number of records, or -1 when buf is
 * not a packed log or is damaged. */
long kvlog_unpack(const unsigned char *buf, size_t size, char *out, size_t out_size);

/* The library's version, "2.1.0". */
const char *kvlog_version(void);

#endif
