/* Included by a.c and b.c only: touching it recompiles exactly those two. */
#ifndef SHARED_H
#define SHARED_H

#define SHARED_OFFSET 0

#endif
