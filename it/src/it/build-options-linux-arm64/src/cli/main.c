#include <stdio.h>

int calc_add(int a, int b);
int calc_asserts(void);

int main(void) {
    printf("calc %d, asserts %s\n", calc_add(40, 2), calc_asserts() ? "on" : "off");
    return 0;
}
