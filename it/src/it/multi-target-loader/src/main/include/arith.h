/* The small shared library that demo links against: NativeLoader must load it first. */
#ifndef ARITH_H
#define ARITH_H
#ifdef _WIN32
#  ifdef ARITH_BUILDING
#    define ARITH_API __declspec(dllexport)
#  else
#    define ARITH_API __declspec(dllimport)
#  endif
#else
#  define ARITH_API __attribute__((visibility("default")))
#endif
ARITH_API int arith_add(int a, int b);
#endif
