/* libdemo: a JNI library that is also a plain C library (demo.h). The generated JNI header declares the
 * natives of Demo.class, so a signature that does not match the Java declaration fails to compile. */
#include "dev_crossbuild_it_demo_Demo.h"
#include "demo.h"

#if defined(__aarch64__)
#define CPU_FAMILY "aarch64"
#elif defined(__arm__)
#define CPU_FAMILY "arm"
#elif defined(__riscv) && __riscv_xlen == 64
#define CPU_FAMILY "riscv64"
#elif defined(__x86_64__) || defined(_M_X64)
#define CPU_FAMILY "x86_64"
#else
#define CPU_FAMILY "unknown"
#endif

/* Not part of the interface (no DEMO_API): <symbolVisibility>hidden</symbolVisibility> keeps it out of the
 * library's dynamic symbols. */
int demo_sum(int a, int b)
{
    return a + b;
}

int demo_add(int a, int b)
{
    return demo_sum(a, b);
}

const char *demo_cpu_family(void)
{
    return CPU_FAMILY;
}

JNIEXPORT jint JNICALL
Java_dev_crossbuild_it_demo_Demo_add(JNIEnv *env, jclass cls, jint a, jint b)
{
    (void) env;
    (void) cls;
    return demo_add(a, b);
}

JNIEXPORT jstring JNICALL
Java_dev_crossbuild_it_demo_Demo_cpuFamily(JNIEnv *env, jclass cls)
{
    (void) cls;
    return (*env)->NewStringUTF(env, demo_cpu_family());
}
