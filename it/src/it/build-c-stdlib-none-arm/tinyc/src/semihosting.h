#ifndef TINYC_SEMIHOSTING_H
#define TINYC_SEMIHOSTING_H

/* Arm semihosting operations (the debugger, or qemu, carries them out for the program). */
enum {
    SYS_WRITE0 = 0x04,        /* write a NUL-terminated string to the console */
    SYS_EXIT_EXTENDED = 0x20  /* end the program with an exit code */
};

int semihosting_call(int operation, const void *argument);

#endif
