#ifndef MIX_H
#define MIX_H
/* The library under test: a tiny mixing function and the architecture it was built for. */
int mix(int a, int b);
const char *mix_arch(void);
/* In assembly (mix_answer.S): 42. */
int mix_answer(void);
#endif
