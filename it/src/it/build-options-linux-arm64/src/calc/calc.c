#include <assert.h>

int calc_add(int a, int b) {
    assert(a >= 0);
    return a + b;
}

/* 1 when assert() is compiled in, 0 under -DNDEBUG. */
int calc_asserts(void) {
#ifdef NDEBUG
    return 0;
#else
    return 1;
#endif
}
