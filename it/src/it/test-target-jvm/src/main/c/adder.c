/* Natives of dev.crossbuild.it.adder.Adder. */
#include <jni.h>

JNIEXPORT jint JNICALL
Java_dev_crossbuild_it_adder_Adder_add(JNIEnv *env, jclass cls, jint a, jint b)
{
    (void) env;
    (void) cls;
    return a + b;
}

/* The machine this library was compiled for, as the compiler saw it. */
JNIEXPORT jstring JNICALL
Java_dev_crossbuild_it_adder_Adder_compiledFor(JNIEnv *env, jclass cls)
{
    (void) cls;
#if defined(__aarch64__)
    return (*env)->NewStringUTF(env, "aarch64");
#elif defined(__x86_64__)
    return (*env)->NewStringUTF(env, "x86_64");
#else
    return (*env)->NewStringUTF(env, "other");
#endif
}
