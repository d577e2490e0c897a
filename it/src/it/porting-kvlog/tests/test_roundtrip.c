/* test_roundtrip FILE: packs FILE's lines (a path relative to the folder the test runs in) and unpacks them. */
#include <stdio.h>
#include <string.h>

#include "kvlog.h"

int main(int argc, char **argv) {
    static char text[4096], lines[64][64], out[4096];
    static kvlog_record records[64];
    static unsigned char packed[8192];
    FILE *in = argc == 2 ? fopen(argv[1], "r") : NULL;
    if (in == NULL) {
        printf("cannot open %s\n", argc == 2 ? argv[1] : "(no argument)");
        return 1;
    }
    size_t count = 0;
    while (count < 64 && fgets(lines[count], sizeof lines[count], in) != NULL) {
        strcat(text, lines[count]);
        lines[count][strcspn(lines[count], "\n")] = '\0';
        char *eq = strchr(lines[count], '=');
        *eq = '\0';
        records[count] = (kvlog_record) { lines[count], eq + 1 };
        count++;
    }
    fclose(in);
    long size = kvlog_pack(records, count, packed, sizeof packed);
    long unpacked = kvlog_unpack(packed, (size_t) size, out, sizeof out);
    if (unpacked != (long) count || strcmp(out, text) != 0) {
        printf("round trip of %zu records gave %ld:\n%s", count, unpacked, out);
        return 1;
    }
    printf("%zu records round-tripped through %ld bytes\n", count, size);
    return 0;
}
