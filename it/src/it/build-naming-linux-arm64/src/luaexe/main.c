#include <stdio.h>

int z_version(void);
int util_twice(int x);
int lua_answer(void);
const char *spam_name(void);

int main(void) {
    printf("%d %d %d %s\n", z_version(), util_twice(21), lua_answer(), spam_name());
    return 0;
}
