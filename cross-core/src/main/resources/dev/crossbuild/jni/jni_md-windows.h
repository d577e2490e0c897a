/*
 * jni_md.h for Windows hosts, written for cross from the JNI specification: the machine-dependent part that
 * jni.h includes. The JNI types have fixed sizes on every machine: jint 32 bits, jlong 64 bits, jbyte a signed
 * 8-bit byte. jint is long (32 bits on Windows) and jlong __int64, the same types the JDK uses, so C++ code
 * links with the same mangled names. mingw-w64 gcc, clang and MSVC all understand these keywords.
 */
#ifndef CROSSBUILD_JNI_MD_H
#define CROSSBUILD_JNI_MD_H

/* The JVM finds JNI functions in the DLL's export table. */
#define JNIEXPORT __declspec(dllexport)
#define JNIIMPORT __declspec(dllimport)

/* The JVM calls JNI functions with __stdcall; only 32-bit x86 has a separate convention, elsewhere it is a no-op. */
#define JNICALL __stdcall

typedef long jint;
typedef __int64 jlong;
typedef signed char jbyte;

#endif /* CROSSBUILD_JNI_MD_H */
