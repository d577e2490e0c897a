#include <stdio.h>
#include "mix.h"

/* Fails on purpose (the IT sets maven.test.failure.ignore): the HTML report must show the failure and its message. */
int main(void) {
    int got = mix(4, 3);
    printf("test_bad: expected 42, got %d\n", got);
    fprintf(stderr, "test_bad: this line went to stderr\n");
    return got == 42 ? 0 : 3;
}
