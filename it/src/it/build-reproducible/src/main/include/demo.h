/* The C interface of libdemo, used by demo-cli. */
#ifndef DEMO_H
#define DEMO_H

#if defined(_WIN32)
#  if defined(DEMO_BUILDING)
#    define DEMO_API __declspec(dllexport)
#  else
#    define DEMO_API __declspec(dllimport)
#  endif
#else
#  define DEMO_API __attribute__((visibility("default")))
#endif

#ifdef __cplusplus
extern "C" {
#endif

DEMO_API int demo_add(int a, int b);
DEMO_API const char *demo_cpu_family(void);
/* Defined in greeting.c, which the build-machine tool gen-greeting writes during compile. */
DEMO_API const char *demo_greeting(void);
/* build-info.c: the source's path and the compile time, as the compiler saw them. */
DEMO_API const char *demo_build_info(void);

#ifdef __cplusplus
}
#endif

#endif
