/* Runs under qemu-aarch64 and Wine: it needs codec's shared library from target/cross/<classifier>/deps/codec. */
#include <stdio.h>
#include <string.h>
#include <codec/codec.h>
#include "codecjni.h"

int main(void) {
    char text[] = "Hello, World";
    int changed = codec_rot13(text);
    printf("codec_rot13: %s (%d letters)\n", text, changed);
    if (changed != 10 || strcmp(text, "Uryyb, Jbeyq") != 0) {
        return 1;
    }
    int round = codecjni_round_trip(text);
    printf("codecjni_round_trip: %s (%d)\n", text, round);
    return round == 10 && strcmp(text, "Uryyb, Jbeyq") == 0 ? 0 : 1;
}
