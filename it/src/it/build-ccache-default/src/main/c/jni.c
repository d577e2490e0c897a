#include "dev_crossbuild_it_calc_Calc.h"
#include "calc.h"

JNIEXPORT jint JNICALL
Java_dev_crossbuild_it_calc_Calc_add(JNIEnv *env, jclass cls, jint a, jint b)
{
    (void) env;
    (void) cls;
    return calc_add(a, b);
}
