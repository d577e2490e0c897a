/*
 * jni_md.h for Unix-like hosts (Linux, Android, macOS, the BSDs, ...), written for cross from the JNI
 * specification: the machine-dependent part that jni.h includes. The JNI types have fixed sizes on every
 * machine: jint 32 bits, jlong 64 bits, jbyte a signed 8-bit byte. jlong is long on LP64 machines and
 * long long elsewhere, the same types the JDK uses, so C++ code links with the same mangled names.
 */
#ifndef CROSSBUILD_JNI_MD_H
#define CROSSBUILD_JNI_MD_H

/* Exported even when the library is compiled with -fvisibility=hidden: the JVM looks the functions up by name. */
#if defined(__GNUC__) || defined(__clang__)
#define JNIEXPORT __attribute__((visibility("default")))
#define JNIIMPORT __attribute__((visibility("default")))
#else
#define JNIEXPORT
#define JNIIMPORT
#endif

/* The C calling convention of the platform. */
#define JNICALL

typedef int jint;
#ifdef _LP64
typedef long jlong;
#else
typedef long long jlong;
#endif
typedef signed char jbyte;

#endif /* CROSSBUILD_JNI_MD_H */
