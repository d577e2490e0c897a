#ifndef CALC_H
#define CALC_H
int calc_a(int x);
int calc_b(int x);
int calc_c(int x);
int calc_d(int x);
int calc_e(int x);
int calc_f(int x);
#endif
