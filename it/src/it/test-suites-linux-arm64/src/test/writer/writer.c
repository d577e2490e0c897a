/*
 * writer NAME ROUNDS PAUSE_MS: writes NAME into foo.gz, waits, reads it back, ROUNDS times. A test running in the
 * same folder at the same time would overwrite the file; a folder left from an earlier run already has it. Records
 * when it ran (nanoseconds since 1970) in times.txt.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef _WIN32
#include <windows.h>
static long long now_ns(void) {
    FILETIME ft;
    GetSystemTimeAsFileTime(&ft);
    ULARGE_INTEGER t;
    t.LowPart = ft.dwLowDateTime;
    t.HighPart = ft.dwHighDateTime;
    return ((long long) t.QuadPart - 116444736000000000LL) * 100;
}
static void pause_ms(int ms) { Sleep(ms); }
#else
#include <time.h>
static long long now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}
static void pause_ms(int ms) {
    struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
    nanosleep(&ts, NULL);
}
#endif

int main(int argc, char **argv) {
    if (argc != 4) {
        printf("usage: writer NAME ROUNDS PAUSE_MS\n");
        return 2;
    }
    const char *name = argv[1];
    int rounds = atoi(argv[2]);
    int pause = atoi(argv[3]);
    long long start = now_ns();
    FILE *f = fopen("foo.gz", "r");
    if (f) {
        printf("foo.gz exists before %s wrote it: the folder is not fresh\n", name);
        return 1;
    }
    for (int i = 0; i < rounds; i++) {
        f = fopen("foo.gz", "w");
        fputs(name, f);
        fclose(f);
        pause_ms(pause);
        char got[64] = "";
        f = fopen("foo.gz", "r");
        if (!f || !fgets(got, sizeof got, f)) {
            printf("round %d: foo.gz is gone\n", i);
            return 1;
        }
        fclose(f);
        if (strcmp(got, name) != 0) {
            printf("round %d: foo.gz holds '%s', not '%s': another test wrote it\n", i, got, name);
            return 1;
        }
    }
    f = fopen("times.txt", "w");
    fprintf(f, "%lld %lld\n", start, now_ns());
    fclose(f);
    printf("%s wrote foo.gz %d times undisturbed\n", name, rounds);
    return 0;
}
