/* A tiny native tool linked beside the JNI library. */
#include <stdio.h>

int main(void)
{
    printf("hello from the report IT\n");
    return 0;
}
