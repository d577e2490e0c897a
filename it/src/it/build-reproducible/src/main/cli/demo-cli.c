/* demo-cli: links the shared library demo (with its generated greeting) and the static C++ library describe. */
#include <stdio.h>

#include "demo.h"
#include "describe.h"

int main(void)
{
    char line[80];
    int sum = demo_add(2, 40);
    describe_sum(line, sizeof line, 2, 40, sum, demo_cpu_family());
    printf("demo-cli: %s\n", line);
    printf("demo-cli: %s\n", demo_greeting());
    return sum == 42 ? 0 : 1;
}
