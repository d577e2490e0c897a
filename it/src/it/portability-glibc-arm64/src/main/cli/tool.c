/* pthread_create is GLIBC_2.34 since glibc merged libpthread into libc; arc4random is new in glibc 2.36. */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

int demo_length(const char *text);

static void *work(void *argument)
{
    return argument;
}

int main(void)
{
    pthread_t thread;
    if (pthread_create(&thread, NULL, work, NULL) != 0 || pthread_join(thread, NULL) != 0) {
        return 1;
    }
    printf("%d %u\n", demo_length("portable?"), arc4random() % 2u);
    return 0;
}
