/* Included by c.c only. */
#ifndef OTHER_H
#define OTHER_H

#define OTHER_VALUE 7

#endif
