#ifndef TINYC_STDLIB_H
#define TINYC_STDLIB_H

void exit(int status) __attribute__((noreturn));

#endif
