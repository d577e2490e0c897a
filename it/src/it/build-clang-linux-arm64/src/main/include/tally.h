#ifndef TALLY_H
#define TALLY_H

#ifdef __cplusplus
extern "C" {
#endif

/* The sum of the decimal digits in text, and how many there were. */
struct tally {
    int digits;
    long sum;
};

struct tally tally_digits(const char *text);

/* The compiler and the machine this library was built for, e.g. "clang 14.0.6 aarch64". */
const char *tally_built_with(void);

#ifdef __cplusplus
}
#endif

#endif
