#include "greet.h"

#include <string.h>

int greet(char *buffer, int size, const char *who) {
    static const char hello[] = "hello from ";
    int length = (int) (sizeof hello - 1 + strlen(who));
    if (length + 1 > size) {
        return -1;
    }
    memcpy(buffer, hello, sizeof hello - 1);
    memcpy(buffer + sizeof hello - 1, who, strlen(who) + 1);
    return length;
}
