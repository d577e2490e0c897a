/* libcname: which C library the code was built against and runs with. */
#ifndef LIBCNAME_H
#define LIBCNAME_H

/* "musl" or "glibc": decided when the library was compiled. */
const char *libcname_built(void);

/* strlen of a string, through the C library the program runs with. */
unsigned long libcname_length(const char *text);

#endif
