#include "codec/codec.h"

int codec_rot13(char *text) {
    int changed = 0;
    for (char *c = text; *c; c++) {
        if (*c >= 'a' && *c <= 'z') {
            *c = (char) ('a' + (*c - 'a' + 13) % 26);
            changed++;
        } else if (*c >= 'A' && *c <= 'Z') {
            *c = (char) ('A' + (*c - 'A' + 13) % 26);
            changed++;
        }
    }
    return changed;
}
