#include <stdio.h>
#include <stdlib.h>
#include "check.h"

void check_failed(const char *file, int line, const char *what) {
    printf("%s:%d: check failed: %s\n", file, line, what);
    exit(3);
}
