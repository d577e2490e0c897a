#include <stdlib.h>

int main(void);

/* The entry point (the linker's default, _start): qemu-arm has set up the stack and zeroed .bss. */
void _start(void) {
    exit(main());
}
