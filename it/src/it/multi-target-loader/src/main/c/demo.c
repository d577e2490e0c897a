#include <jni.h>
#include "arith.h"
#include "dev_crossbuild_it_multi_Demo.h"

#if defined(__x86_64__) || defined(_M_X64)
#  define MACHINE "x86_64"
#elif defined(__aarch64__)
#  define MACHINE "aarch64"
#elif defined(__riscv) && __riscv_xlen == 64
#  define MACHINE "riscv64"
#else
#  define MACHINE "unknown"
#endif

JNIEXPORT jint JNICALL Java_dev_crossbuild_it_multi_Demo_add(JNIEnv *env, jclass cls, jint a, jint b) {
    (void) env; (void) cls;
    return arith_add(a, b);
}

JNIEXPORT jstring JNICALL Java_dev_crossbuild_it_multi_Demo_machine(JNIEnv *env, jclass cls) {
    (void) cls;
    return (*env)->NewStringUTF(env, MACHINE);
}
