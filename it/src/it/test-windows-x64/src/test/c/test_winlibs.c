/* Calls into ole32, which MinGW's gcc does not link on its own: it links because every Windows link ends with
 * Meson's c_winlibs (-lkernel32 ... -lole32 ... -ladvapi32), as a Meson build's does. */
#include <windows.h>
#include <objbase.h>
#include <stdio.h>

int main(void) {
    void *memory = CoTaskMemAlloc(64);
    if (memory == NULL) {
        fprintf(stderr, "CoTaskMemAlloc failed\n");
        return 1;
    }
    CoTaskMemFree(memory);
    printf("ole32 linked and called\n");
    return 0;
}
