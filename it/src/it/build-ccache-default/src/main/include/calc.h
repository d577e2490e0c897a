/* The C interface of libcalc. */
#ifndef CALC_H
#define CALC_H

int calc_add(int a, int b);
int calc_sub(int a, int b);
int calc_flag(void);

#endif
