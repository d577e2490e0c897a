/*
 * minicalc SCRIPT: a tiny interpreter whose scripts are test suites, reporting in TAP (1..N, ok/not ok lines).
 * Script lines: "# comment", "machine NAME" (ok when this machine is NAME), "expr A OP B = C DESCRIPTION",
 * "skip REASON", "exclusive MS" (holds minicalc.lock in the working directory for MS milliseconds; not ok when
 * another run holds it).
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef _WIN32
#include <io.h>
#include <windows.h>
static const char *machine(void) {
    SYSTEM_INFO info;
    GetNativeSystemInfo(&info);
    return info.wProcessorArchitecture == PROCESSOR_ARCHITECTURE_AMD64 ? "x86_64" : "other";
}
static void pause_ms(int ms) { Sleep(ms); }
#else
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>
static const char *machine(void) {
    static struct utsname u;
    uname(&u);
    return u.machine;
}
static void pause_ms(int ms) {
    struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
    nanosleep(&ts, NULL);
}
#endif

#define MAX_LINES 100

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: minicalc SCRIPT\n");
        return 2;
    }
    FILE *script = fopen(argv[1], "r");
    if (!script) {
        fprintf(stderr, "minicalc: cannot open %s\n", argv[1]);
        return 2;
    }
    static char lines[MAX_LINES][256];
    int count = 0;
    char line[256];
    while (count < MAX_LINES && fgets(line, sizeof line, script)) {
        line[strcspn(line, "\r\n")] = '\0';
        if (line[0] != '\0' && line[0] != '#') {
            strcpy(lines[count++], line);
        }
    }
    fclose(script);
    printf("1..%d\n", count);
    for (int i = 0; i < count; i++) {
        int n = i + 1;
        long a, b, c;
        char op;
        int used = 0;
        if (strncmp(lines[i], "machine ", 8) == 0) {
            const char *want = lines[i] + 8;
            printf("%s %d - runs on %s\n", strcmp(machine(), want) == 0 ? "ok" : "not ok", n, want);
        } else if (strncmp(lines[i], "skip ", 5) == 0) {
            printf("ok %d # SKIP %s\n", n, lines[i] + 5);
        } else if (strncmp(lines[i], "exclusive ", 10) == 0) {
            int fd = open("minicalc.lock", O_CREAT | O_EXCL | O_WRONLY, 0644);
            if (fd < 0) {
                printf("not ok %d - exclusive: another run holds minicalc.lock in this folder\n", n);
                continue;
            }
            pause_ms(atoi(lines[i] + 10));
            close(fd);
            remove("minicalc.lock");
            printf("ok %d - exclusive for %s ms\n", n, lines[i] + 10);
        } else if (sscanf(lines[i], "expr %ld %c %ld = %ld %n", &a, &op, &b, &c, &used) == 4) {
            long got = op == '+' ? a + b : op == '-' ? a - b : op == '*' ? a * b : op == '/' && b ? a / b : 0;
            printf("%s %d - %s\n", got == c ? "ok" : "not ok", n, lines[i] + used);
            if (got != c) {
                printf("# %ld %c %ld is %ld, the script expects %ld\n", a, op, b, got, c);
            }
        } else {
            printf("not ok %d - cannot read '%s'\n", n, lines[i]);
        }
    }
    return 0;
}
