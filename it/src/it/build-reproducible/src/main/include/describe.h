/* The C interface of the static C++ library describe. */
#ifndef DESCRIBE_H
#define DESCRIBE_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Writes "a+b=sum on cpu_family" into buffer (always terminated); returns the length of the full text. */
size_t describe_sum(char *buffer, size_t size, int a, int b, int sum, const char *cpu_family);

#ifdef __cplusplus
}
#endif

#endif
