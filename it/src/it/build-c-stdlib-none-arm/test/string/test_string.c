#include <stdio.h>
#include <string.h>

#include "greet.h"

#ifndef TINYC_STDIO
#error "stdio.h is not tinyc's"
#endif

static int failures;

static void check(int ok, const char *what) {
    if (!ok) {
        puts(what);
        failures++;
    }
}

int main(void) {
    char buffer[16];
    memset(buffer, 'x', sizeof buffer);
    check(strlen("") == 0, "strlen of the empty string");
    check(strlen("abc") == 3, "strlen");
    check(memcpy(buffer, "tiny", 5) == buffer && strcmp(buffer, "tiny") == 0, "memcpy");
    check(buffer[5] == 'x', "memcpy wrote past the end");
    check(strcmp("a", "b") < 0 && strcmp("b", "a") > 0, "strcmp");
    check(greet(buffer, 8, "someone") == -1, "greet into a short buffer");
    puts(failures == 0 ? "string functions ok" : "string functions failed");
    return failures;
}
