/* codec's public header: in its development artifact as include/codec/codec.h. */
#ifndef CODEC_CODEC_H
#define CODEC_CODEC_H
#ifdef _WIN32
#  ifdef CODEC_BUILDING
#    define CODEC_API __declspec(dllexport)
#  else
#    define CODEC_API __declspec(dllimport)
#  endif
#else
#  define CODEC_API __attribute__((visibility("default")))
#endif

#define CODEC_VERSION "1.2.0"

/* Rotates each letter 13 places (ROT13) in place; returns the number of letters changed. */
CODEC_API int codec_rot13(char *text);
#endif
