/* Natives of dev.crossbuild.examples.hello.Hello. Plain C99 + JNI, nothing architecture-specific. */
#include <jni.h>
#include <stdlib.h>
#include <string.h>

static void throw_new(JNIEnv *env, const char *class_name, const char *message)
{
    jclass cls = (*env)->FindClass(env, class_name);
    if (cls != NULL) {
        (*env)->ThrowNew(env, cls, message);
    }
}

JNIEXPORT jint JNICALL
Java_dev_crossbuild_examples_hello_Hello_add(JNIEnv *env, jclass cls, jint a, jint b)
{
    (void) env;
    (void) cls;
    return a + b;
}

JNIEXPORT jstring JNICALL
Java_dev_crossbuild_examples_hello_Hello_greet(JNIEnv *env, jclass cls, jstring who)
{
    static const char prefix[] = "hello, ";
    const char *name;
    char *text;
    jstring result;
    (void) cls;

    if (who == NULL) {
        throw_new(env, "java/lang/NullPointerException", "who");
        return NULL;
    }
    name = (*env)->GetStringUTFChars(env, who, NULL);
    if (name == NULL) {
        return NULL; /* OutOfMemoryError already pending */
    }
    text = malloc(sizeof prefix + strlen(name));
    if (text == NULL) {
        (*env)->ReleaseStringUTFChars(env, who, name);
        throw_new(env, "java/lang/OutOfMemoryError", "greet");
        return NULL;
    }
    strcpy(text, prefix);
    strcat(text, name);
    (*env)->ReleaseStringUTFChars(env, who, name);
    result = (*env)->NewStringUTF(env, text);
    free(text);
    return result;
}
