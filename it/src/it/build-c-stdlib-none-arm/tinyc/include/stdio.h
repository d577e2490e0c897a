#ifndef TINYC_STDIO_H
#define TINYC_STDIO_H

/* Programs check they were compiled against tinyc's headers, not a toolchain's. */
#define TINYC_STDIO 1

int puts(const char *s);

#endif
