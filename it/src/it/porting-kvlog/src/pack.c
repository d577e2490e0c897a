#include "kvlog.h"

#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#define HEADER 12 /* "KVL1", the text's CRC-32, the text's length */

static void put32(unsigned char *p, uint32_t v) {
    p[0] = (unsigned char) (v >> 24); p[1] = (unsigned char) (v >> 16);
    p[2] = (unsigned char) (v >> 8); p[3] = (unsigned char) v;
}

static uint32_t get32(const unsigned char *p) {
    return (uint32_t) p[0] << 24 | (uint32_t) p[1] << 16 | (uint32_t) p[2] << 8 | p[3];
}

long kvlog_pack(const kvlog_record *records, size_t count, unsigned char *buf, size_t size) {
    size_t length = 0;
    for (size_t i = 0; i < count; i++) {
        length += strlen(records[i].key) + 1 + strlen(records[i].value) + 1;
    }
    char *text = malloc(length + 1);
    if (text == NULL || size < HEADER) {
        free(text);
        return -1;
    }
    char *end = text;
    for (size_t i = 0; i < count; i++) {
        size_t k = strlen(records[i].key), v = strlen(records[i].value);
        memcpy(end, records[i].key, k);
        end[k] = '=';
        memcpy(end + k + 1, records[i].value, v);
        end[k + 1 + v] = '\n';
        end += k + v + 2;
    }
    uLongf packed = (uLongf) (size - HEADER);
    int rc = compress2(buf + HEADER, &packed, (const Bytef *) text, (uLong) length, Z_BEST_COMPRESSION);
    if (rc != Z_OK) {
        free(text);
        return -1;
    }
    memcpy(buf, "KVL1", 4);
    put32(buf + 4, kvlog_crc32(text, length));
    put32(buf + 8, (uint32_t) length);
    free(text);
    return (long) (HEADER + packed);
}

long kvlog_unpack(const unsigned char *buf, size_t size, char *out, size_t out_size) {
    if (size < HEADER || memcmp(buf, "KVL1", 4) != 0) {
        return -1;
    }
    uLongf length = get32(buf + 8);
    if (length + 1 > out_size) {
        return -1;
    }
    if (uncompress((Bytef *) out, &length, buf + HEADER, (uLong) (size - HEADER)) != Z_OK
            || kvlog_crc32(out, length) != get32(buf + 4)) {
        return -1;
    }
    out[length] = '\0';
    long records = 0;
    for (uLongf i = 0; i < length; i++) {
        records += out[i] == '\n';
    }
    return records;
}
