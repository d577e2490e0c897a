/* tinyc: the C library of this bare-metal project (no operating system, no toolchain libc). */
#ifndef TINYC_STDDEF_H
#define TINYC_STDDEF_H

typedef __SIZE_TYPE__ size_t;
typedef __PTRDIFF_TYPE__ ptrdiff_t;
#define NULL ((void *) 0)

#endif
