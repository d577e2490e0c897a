#include <stdio.h>
#include <string.h>

#include "greet.h"

#ifndef TINYC_STDIO
#error "stdio.h is not tinyc's"
#endif

int main(void) {
    char line[32];
    if (greet(line, sizeof line, "bare metal") != (int) strlen("hello from bare metal")) {
        return 1;
    }
    puts(line);
    return 0;
}
