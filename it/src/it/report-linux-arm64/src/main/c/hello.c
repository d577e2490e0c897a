/* Natives of dev.crossbuild.it.report.Hello. Uses libc, so the library has a DT_NEEDED and a GLIBC version. */
#include <jni.h>
#include <string.h>

JNIEXPORT jint JNICALL
Java_dev_crossbuild_it_report_Hello_length(JNIEnv *env, jclass cls, jstring text)
{
    const char *chars;
    jint length;
    (void) cls;

    chars = (*env)->GetStringUTFChars(env, text, NULL);
    if (chars == NULL) {
        return -1; /* OutOfMemoryError already pending */
    }
    length = (jint) strlen(chars);
    (*env)->ReleaseStringUTFChars(env, text, chars);
    return length;
}
