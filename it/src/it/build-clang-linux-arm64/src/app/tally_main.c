#include <stdio.h>

#include "tally.h"

int main(int argc, char **argv) {
    for (int i = 1; i < argc; i++) {
        struct tally t = tally_digits(argv[i]);
        printf("%s: %d digits, sum %ld\n", argv[i], t.digits, t.sum);
    }
    printf("built with %s\n", tally_built_with());
    return 0;
}
