/* Included by a.c and b.c. */
#ifndef SHARED_H
#define SHARED_H

#define SHARED_OFFSET 0

#endif
