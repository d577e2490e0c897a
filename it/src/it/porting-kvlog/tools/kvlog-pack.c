/* kvlog-pack FILE: packs the key=value lines of FILE and says how small they got. */
#include <stdio.h>
#include <string.h>

#include "kvlog.h"

int main(int argc, char **argv) {
    static char lines[256][128];
    static kvlog_record records[256];
    static unsigned char packed[1 << 16];
    if (argc != 2) {
        fprintf(stderr, "usage: kvlog-pack FILE\n");
        return 2;
    }
    FILE *in = fopen(argv[1], "r");
    if (in == NULL) {
        perror(argv[1]);
        return 1;
    }
    size_t count = 0, bytes = 0;
    while (count < 256 && fgets(lines[count], sizeof lines[count], in) != NULL) {
        bytes += strlen(lines[count]);
        lines[count][strcspn(lines[count], "\n")] = '\0';
        char *eq = strchr(lines[count], '=');
        if (eq == NULL) {
            continue;
        }
        *eq = '\0';
        records[count].key = lines[count];
        records[count].value = eq + 1;
        count++;
    }
    fclose(in);
    long size = kvlog_pack(records, count, packed, sizeof packed);
    printf("kvlog %s: %zu records, %zu -> %ld bytes\n", kvlog_version(), count, bytes, size);
    return size < 0;
}
