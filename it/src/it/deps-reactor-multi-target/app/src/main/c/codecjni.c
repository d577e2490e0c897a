#include <stdlib.h>
#include <string.h>
#include <jni.h>
#include <codec/codec.h>
#include "codecjni.h"
#include "dev_crossbuild_it_deps_Rot13.h"

#if defined(__x86_64__) || defined(_M_X64)
#  define MACHINE "x86_64"
#elif defined(__aarch64__)
#  define MACHINE "aarch64"
#else
#  define MACHINE "unknown"
#endif

int codecjni_round_trip(char *text) {
    int first = codec_rot13(text);
    int second = codec_rot13(text);
    return first == second ? first : -1;
}

JNIEXPORT jstring JNICALL Java_dev_crossbuild_it_deps_Rot13_rot13(JNIEnv *env, jclass cls, jstring text) {
    (void) cls;
    const char *chars = (*env)->GetStringUTFChars(env, text, NULL);
    char *copy = malloc(strlen(chars) + 1);
    strcpy(copy, chars);
    (*env)->ReleaseStringUTFChars(env, text, chars);
    codec_rot13(copy);
    jstring result = (*env)->NewStringUTF(env, copy);
    free(copy);
    return result;
}

JNIEXPORT jstring JNICALL Java_dev_crossbuild_it_deps_Rot13_machine(JNIEnv *env, jclass cls) {
    (void) cls;
    return (*env)->NewStringUTF(env, MACHINE " codec " CODEC_VERSION);
}
