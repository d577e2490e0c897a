#include <stdio.h>
#include <string.h>
#include "mix.h"
#include "support/check.h"

int main(void) {
    CHECK(mix(4, 2) == 42);
    CHECK(strcmp(mix_arch(), "aarch64") == 0);
    CHECK(mix_answer() == 42);
    printf("mix ok on %s\n", mix_arch());
    return 0;
}
