/* The plain C part of codecjni, which the native test calls. */
#ifndef CODECJNI_H
#define CODECJNI_H
#ifdef _WIN32
#  ifdef CODECJNI_BUILDING
#    define CODECJNI_API __declspec(dllexport)
#  else
#    define CODECJNI_API __declspec(dllimport)
#  endif
#else
#  define CODECJNI_API __attribute__((visibility("default")))
#endif

/* ROT13 twice through codec: the text comes back as it was; returns the letters changed by each pass. */
CODECJNI_API int codecjni_round_trip(char *text);
#endif
