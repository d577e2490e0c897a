#include <stdlib.h>

#include "semihosting.h"

/* ADP_Stopped_ApplicationExit: a normal end, with the status as the exit code. */
#define APPLICATION_EXIT 0x20026

void exit(int status) {
    int block[2] = { APPLICATION_EXIT, status };
    semihosting_call(SYS_EXIT_EXTENDED, block);
    for (;;) {
    }
}
