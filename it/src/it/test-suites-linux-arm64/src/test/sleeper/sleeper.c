/* sleeper: hangs for a minute; its <timeout> of 2 s ends it. */
#include <time.h>

int main(void) {
    struct timespec ts = { 60, 0 };
    nanosleep(&ts, 0);
    return 0;
}
