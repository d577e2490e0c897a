/* libsqueeze: zlib's compress and uncompress for Java (JNI) and for C. */
#ifndef SQUEEZE_H
#define SQUEEZE_H

#include <stddef.h>

/* Compresses input into output (capacity *output_length, set to the compressed length); 0 on success. */
int squeeze_compress(const unsigned char *input, size_t length, unsigned char *output, size_t *output_length);

/* Uncompresses input into output (capacity *output_length, set to the uncompressed length); 0 on success. */
int squeeze_uncompress(const unsigned char *input, size_t length, unsigned char *output, size_t *output_length);

/* The bound compressBound gives for length bytes. */
size_t squeeze_bound(size_t length);

/* zlibVersion(): the zlib loaded at run time. */
const char *squeeze_zlib_version(void);

#endif
