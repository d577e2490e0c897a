/* libsqueeze: a JNI library that is also a plain C library (squeeze.h), linked against zlib for the host machine,
 * which pkg-config finds in the private sysroot cross fetched (zlib1g-dev). */
#include <stdlib.h>
#include <zlib.h>
#include "dev_crossbuild_it_squeeze_Squeeze.h"
#include "squeeze.h"

int squeeze_compress(const unsigned char *input, size_t length, unsigned char *output, size_t *output_length)
{
    uLongf out = (uLongf) *output_length;
    int rc = compress(output, &out, input, (uLong) length);
    *output_length = (size_t) out;
    return rc == Z_OK ? 0 : rc;
}

int squeeze_uncompress(const unsigned char *input, size_t length, unsigned char *output, size_t *output_length)
{
    uLongf out = (uLongf) *output_length;
    int rc = uncompress(output, &out, input, (uLong) length);
    *output_length = (size_t) out;
    return rc == Z_OK ? 0 : rc;
}

size_t squeeze_bound(size_t length)
{
    return (size_t) compressBound((uLong) length);
}

const char *squeeze_zlib_version(void)
{
    return zlibVersion();
}

static jbyteArray convert(JNIEnv *env, jbyteArray data, size_t capacity, int inflate)
{
    jsize length = (*env)->GetArrayLength(env, data);
    jbyte *input = (*env)->GetByteArrayElements(env, data, NULL);
    unsigned char *output = malloc(capacity > 0 ? capacity : 1);
    size_t out = capacity;
    jbyteArray result = NULL;
    int rc = inflate ? squeeze_uncompress((const unsigned char *) input, (size_t) length, output, &out)
                     : squeeze_compress((const unsigned char *) input, (size_t) length, output, &out);
    (*env)->ReleaseByteArrayElements(env, data, input, JNI_ABORT);
    if (rc == 0) {
        result = (*env)->NewByteArray(env, (jsize) out);
        (*env)->SetByteArrayRegion(env, result, 0, (jsize) out, (const jbyte *) output);
    }
    free(output);
    return result;
}

JNIEXPORT jbyteArray JNICALL
Java_dev_crossbuild_it_squeeze_Squeeze_compress(JNIEnv *env, jclass cls, jbyteArray data)
{
    (void) cls;
    return convert(env, data, squeeze_bound((size_t) (*env)->GetArrayLength(env, data)), 0);
}

JNIEXPORT jbyteArray JNICALL
Java_dev_crossbuild_it_squeeze_Squeeze_uncompress(JNIEnv *env, jclass cls, jbyteArray data, jint length)
{
    (void) cls;
    return convert(env, data, (size_t) length, 1);
}

JNIEXPORT jstring JNICALL
Java_dev_crossbuild_it_squeeze_Squeeze_zlibVersion(JNIEnv *env, jclass cls)
{
    (void) cls;
    return (*env)->NewStringUTF(env, squeeze_zlib_version());
}
