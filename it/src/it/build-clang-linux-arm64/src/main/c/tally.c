#include "tally.h"

#include <ctype.h>
#include <stdio.h>

struct tally tally_digits(const char *text) {
    struct tally result = { 0, 0 };
    for (; *text != '\0'; text++) {
        if (isdigit((unsigned char) *text)) {
            result.digits++;
            result.sum += *text - '0';
        }
    }
    return result;
}

const char *tally_built_with(void) {
    static char text[64];
#if defined(__clang__) && defined(__aarch64__)
    snprintf(text, sizeof text, "clang %d.%d.%d aarch64", __clang_major__, __clang_minor__, __clang_patchlevel__);
#else
    snprintf(text, sizeof text, "not clang for aarch64");
#endif
    return text;
}
