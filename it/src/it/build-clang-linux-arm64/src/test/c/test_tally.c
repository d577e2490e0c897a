#include <stdio.h>
#include <string.h>

#include "tally.h"

int main(void) {
    struct tally t = tally_digits("a1b22c333");
    if (t.digits != 6 || t.sum != 1 + 2 + 2 + 3 + 3 + 3) {
        printf("tally_digits: %d digits, sum %ld\n", t.digits, t.sum);
        return 1;
    }
    if (strncmp(tally_built_with(), "clang ", 6) != 0) {
        printf("built with %s\n", tally_built_with());
        return 1;
    }
    printf("tally ok, %s\n", tally_built_with());
    return 0;
}
