#include "dev_crossbuild_it_upd_Upd.h"
#include "upd.h"

JNIEXPORT jint JNICALL
Java_dev_crossbuild_it_upd_Upd_answer(JNIEnv *env, jclass cls)
{
    (void) env;
    (void) cls;
    return upd_answer();
}
